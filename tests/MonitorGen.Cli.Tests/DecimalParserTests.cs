using System;
using System.Globalization;
using MonitorGen.Cli;

namespace MonitorGen.Cli.Tests;

/// <summary>The fast decimal path returns the very double that double.TryParse returns.</summary>
public class DecimalParserTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.000")]
    [InlineData("+1.5")]
    [InlineData("5.")]
    [InlineData(".25")]
    [InlineData("123456789012345")]
    [InlineData("1234567890123456789")]
    [InlineData("0.1")]
    [InlineData("0.000000000000000000001")]
    [InlineData("0.30000000000000004")]
    [InlineData(" 2.5 ")]
    [InlineData("2e3")]
    [InlineData("1e400")]
    [InlineData("abc")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    public void Fixed_cases_equal_double_TryParse(string text) => Check(text);

    [Fact]
    public void Random_decimals_equal_double_TryParse()
    {
        var rng = new Random(42);
        for (int i = 0; i < 200_000; i++)
        {
            int intDigits = rng.Next(0, 12), fracDigits = rng.Next(0, 12);
            var chars = new System.Text.StringBuilder();
            if (rng.Next(3) == 0)
            {
                chars.Append('-');
            }

            for (int d = 0; d < intDigits; d++)
            {
                chars.Append((char)('0' + rng.Next(10)));
            }

            if (fracDigits > 0 || rng.Next(2) == 0)
            {
                chars.Append('.');
            }

            for (int d = 0; d < fracDigits; d++)
            {
                chars.Append((char)('0' + rng.Next(10)));
            }

            Check(chars.ToString());
        }
    }

    private static void Check(string text)
    {
        bool expectedOk = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected) && double.IsFinite(expected);
        bool ok = DecimalParser.TryParse(text, out double actual);
        Assert.Equal(expectedOk, ok);
        if (ok)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"'{text}': {expected:R} vs {actual:R}");
        }
    }
}

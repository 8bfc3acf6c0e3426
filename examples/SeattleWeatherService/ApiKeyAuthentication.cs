using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SeattleWeatherService;

/// <summary>
/// Authenticates the operator who calls the MonitorGen management endpoints by a shared key in the <c>X-Api-Key</c>
/// header, compared in constant time with <c>SeattleWeather:ApiKey</c>. Without a configured key nobody authenticates, so
/// the management endpoints refuse every call.
/// </summary>
internal sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The authentication scheme.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The request header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The configuration key of the expected key.</summary>
    public const string ConfigurationKey = "SeattleWeather:ApiKey";

    /// <summary>The authorization policy of the management endpoints.</summary>
    public const string OperatorsPolicy = "monitorgen-operators";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? expected = configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(expected) || !Request.Headers.TryGetValue(Header, out var presented) || presented.Count != 1)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented[0] ?? string.Empty), Encoding.UTF8.GetBytes(expected)))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>A new random key, for the demo's own replayer.</summary>
    public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

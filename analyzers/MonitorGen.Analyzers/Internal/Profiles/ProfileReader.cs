using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using MonitorGen.SourceRules;
using MonitorGen.Profiles;

namespace MonitorGen.Analyzers.Internal.Profiles;

/// <summary>
/// Reads a reference profile as the runtime's <c>ReferenceProfile.Load</c> would (same defaults, same required fields),
/// keeping only what MG0009 needs. The analyzer runs inside the compiler, so the reader is bounded: no recursion (an
/// explicit stack with a depth limit), a size limit, and every problem comes back as a message, never an exception.
/// </summary>
internal static class ProfileReader
{
    /// <summary>The largest file read, in characters: the runtime's limit in bytes.</summary>
    public const int MaxLength = ProfileLimits.MaxBytes;

    /// <summary>The deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = ProfileLimits.MaxDepth;

    /// <summary>The most features accepted.</summary>
    public const int MaxFeatures = ProfileLimits.MaxFeatures;

    /// <summary>The format version the runtime reads (<c>ReferenceProfile.CurrentFormatVersion</c>).</summary>
    public const int SupportedFormatVersion = 1;

    private enum Role
    {
        Other,
        Root,
        Features,
        Feature,
    }

    private enum Next
    {
        Value,
        Key,
        AfterValue,
    }

    public static ProfileReadResult Read(SourceText text, CancellationToken cancellationToken)
    {
        if (text.Length > MaxLength)
        {
            return ProfileReadResult.Failure($"the file is larger than {MaxLength / (1024 * 1024)} MB", -1);
        }

        var scanner = new BoundedJsonScanner(text);
        var reader = new Capture();
        return Parse(scanner, reader, cancellationToken) ? reader.Validate() : ProfileReadResult.Failure(scanner.Error!, scanner.ErrorPosition);
    }

    private static bool Parse(BoundedJsonScanner scanner, Capture capture, CancellationToken cancellationToken)
    {
        var stack = new List<Frame>();
        Next next = Next.Value;
        int steps = 0;
        while (true)
        {
            if ((++steps & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            scanner.SkipWhiteSpace();
            switch (next)
            {
                case Next.Key:
                    if (scanner.Peek() != '"' || scanner.AtEnd)
                    {
                        return scanner.Fail(scanner.AtEnd ? "the file ends where a property name was expected (truncated?)" : "expected a property name");
                    }

                    if (!scanner.ReadString(keep: true, out string? key) || !scanner.Expect(':'))
                    {
                        return false;
                    }

                    stack[stack.Count - 1] = stack[stack.Count - 1].WithKey(key!);
                    next = Next.Value;
                    break;

                case Next.Value:
                    if (!ReadValue(scanner, capture, stack, out bool opened))
                    {
                        return false;
                    }

                    next = opened ? AfterOpen(scanner, capture, stack) : Next.AfterValue;
                    break;

                default:
                    Frame top = stack[stack.Count - 1];
                    char c = scanner.Peek();
                    if (scanner.AtEnd)
                    {
                        return scanner.Fail("the file ends inside " + (top.IsObject ? "an object" : "an array") + " (truncated?)");
                    }

                    if (c == ',')
                    {
                        scanner.Expect(',');
                        next = top.IsObject ? Next.Key : Next.Value;
                    }
                    else if (c == (top.IsObject ? '}' : ']'))
                    {
                        scanner.Expect(c);
                        Close(capture, stack);
                        next = Next.AfterValue;
                    }
                    else
                    {
                        return scanner.Fail(top.IsObject ? "expected ',' or '}'" : "expected ',' or ']'");
                    }

                    break;
            }

            if (next == Next.AfterValue && stack.Count == 0)
            {
                scanner.SkipWhiteSpace();
                return scanner.AtEnd || scanner.Fail("unexpected content after the end of the document");
            }
        }
    }

    // Right after '{' or '[': an empty container closes at once.
    private static Next AfterOpen(BoundedJsonScanner scanner, Capture capture, List<Frame> stack)
    {
        scanner.SkipWhiteSpace();
        Frame top = stack[stack.Count - 1];
        if (scanner.Peek() == (top.IsObject ? '}' : ']') && !scanner.AtEnd)
        {
            scanner.Expect(scanner.Peek());
            Close(capture, stack);
            return Next.AfterValue;
        }

        return top.IsObject ? Next.Key : Next.Value;
    }

    private static bool ReadValue(BoundedJsonScanner scanner, Capture capture, List<Frame> stack, out bool opened)
    {
        opened = false;
        Role role = RoleOfNextValue(stack);
        string? key = stack.Count > 0 ? stack[stack.Count - 1].Key : null;
        Role parent = stack.Count > 0 ? stack[stack.Count - 1].Role : Role.Other;
        char c = scanner.Peek();
        if (scanner.AtEnd)
        {
            return scanner.Fail(stack.Count == 0 ? "the file is empty" : "the file ends where a value was expected (truncated?)");
        }

        if (role == Role.Root && c != '{')
        {
            return scanner.Fail("the document is not a JSON object");
        }

        if (c is '{' or '[')
        {
            if (stack.Count >= MaxDepth)
            {
                return scanner.Fail($"values are nested deeper than {MaxDepth} levels");
            }

            if (role == Role.Feature && c != '{')
            {
                return scanner.Fail("an element of 'features' is not an object");
            }

            if (role == Role.Features && c != '[')
            {
                return scanner.Fail("'features' is not an array");
            }

            if (role == Role.Feature && !capture.BeginFeature())
            {
                return scanner.Fail($"more than {MaxFeatures} features");
            }

            scanner.Expect(c);
            stack.Add(new Frame(c == '{', role, null));
            opened = true;
            return true;
        }

        if (role is Role.Feature or Role.Features)
        {
            // The runtime refuses a null or scalar feature, and a null or scalar 'features'.
            return scanner.Fail(role == Role.Feature ? "an element of 'features' is not an object" : "'features' is not an array");
        }

        bool captured = capture.Wants(parent, key);
        int start = scanner.Position;
        if (c == '"')
        {
            if (!scanner.ReadString(keep: captured, out string? value))
            {
                return false;
            }

            return !captured || capture.SetString(parent, key!, value!) is not { } stringProblem || scanner.FailAt(stringProblem, start);
        }

        if (c == '-' || (c >= '0' && c <= '9'))
        {
            if (!scanner.ReadNumber(out TextSpan span))
            {
                return false;
            }

            return !captured || capture.SetNumber(parent, key!, scanner.TextOf(span)) is not { } numberProblem || scanner.FailAt(numberProblem, start);
        }

        if (!scanner.ReadLiteral())
        {
            return false;
        }

        return !captured || capture.SetLiteral(key!, scanner.TextOf(TextSpan.FromBounds(start, scanner.Position))) is not { } literalProblem
            || scanner.FailAt(literalProblem, start);
    }

    private static Role RoleOfNextValue(List<Frame> stack)
    {
        if (stack.Count == 0)
        {
            return Role.Root;
        }

        Frame top = stack[stack.Count - 1];
        return top.Role switch
        {
            Role.Root when top.Key == "features" => Role.Features,
            Role.Features => Role.Feature,
            _ => Role.Other,
        };
    }

    private static void Close(Capture capture, List<Frame> stack)
    {
        if (stack[stack.Count - 1].Role == Role.Feature)
        {
            capture.EndFeature();
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private readonly struct Frame
    {
        public Frame(bool isObject, Role role, string? key)
        {
            IsObject = isObject;
            Role = role;
            Key = key;
        }

        public bool IsObject { get; }

        public Role Role { get; }

        public string? Key { get; }

        public Frame WithKey(string key) => new(IsObject, Role, key);
    }

    /// <summary>The captured fields, with the runtime's defaults for absent ones.</summary>
    private sealed class Capture
    {
        private readonly List<(string? Name, bool IsNumerical)> _features = new();
        private long _formatVersion = SupportedFormatVersion;
        private string? _modelName;
        private string? _typeName;
        private string? _schemaHash;
        private string? _featureName;
        private bool _featureIsNumerical;

        public bool Wants(Role parent, string? key) => parent switch
        {
            Role.Root => key is "formatVersion" or "modelName" or "typeName" or "schemaHash",
            Role.Feature => key is "name" or "kind",
            _ => false,
        };

        public bool BeginFeature()
        {
            _featureName = null;
            _featureIsNumerical = true; // FeatureKind.Numerical is the default when 'kind' is absent.
            return _features.Count < MaxFeatures;
        }

        public void EndFeature() => _features.Add((_featureName, _featureIsNumerical));

        /// <summary>Captures a string value; the problem, or null.</summary>
        public string? SetString(Role parent, string key, string value)
        {
            switch (key)
            {
                case "modelName": _modelName = value; return null;
                case "typeName": _typeName = value; return null;
                case "schemaHash": _schemaHash = value; return null;
                case "name": _featureName = value; return null;
                case "kind" when parent == Role.Feature:
                    if (string.Equals(value, "Numerical", StringComparison.OrdinalIgnoreCase))
                    {
                        _featureIsNumerical = true;
                        return null;
                    }

                    if (string.Equals(value, "Categorical", StringComparison.OrdinalIgnoreCase))
                    {
                        _featureIsNumerical = false;
                        return null;
                    }

                    return $"a feature has an unknown kind \"{value}\" (expected \"Numerical\" or \"Categorical\")";
                default:
                    return $"'{key}' is not a number";
            }
        }

        /// <summary>Captures a number; the problem, or null.</summary>
        public string? SetNumber(Role parent, string key, string text)
        {
            bool integer = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value);
            switch (key)
            {
                case "formatVersion" when integer && value >= int.MinValue && value <= int.MaxValue:
                    _formatVersion = value;
                    return null;
                case "kind" when parent == Role.Feature && integer && (value == 0 || value == 1):
                    _featureIsNumerical = value == 0;
                    return null;
                case "kind":
                    return $"a feature has an unknown kind {text}";
                case "formatVersion":
                    return $"'formatVersion' is not an integer: {text}";
                default:
                    return $"'{key}' is not a string";
            }
        }

        /// <summary>Captures true, false or null; the problem, or null.</summary>
        public string? SetLiteral(string key, string literal)
        {
            if (literal == "null" && key is "modelName" or "typeName" or "schemaHash" or "name")
            {
                return null; // Null is read as absent; the validation below reports what is required.
            }

            return $"'{key}' has an unexpected value {literal}";
        }

        public ProfileReadResult Validate()
        {
            if (_formatVersion != SupportedFormatVersion)
            {
                return Failure($"format version {_formatVersion} is not supported (MonitorGen reads version {SupportedFormatVersion})");
            }

            if (string.IsNullOrWhiteSpace(_modelName))
            {
                return Failure("modelName is missing");
            }

            if (string.IsNullOrWhiteSpace(_schemaHash))
            {
                return Failure("schemaHash is missing");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            ImmutableArray<SchemaFeature>.Builder features = ImmutableArray.CreateBuilder<SchemaFeature>(_features.Count);
            foreach ((string? name, bool isNumerical) in _features)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    return Failure("a feature has no name");
                }

                if (!names.Add(name!))
                {
                    return Failure($"feature '{name}' appears twice");
                }

                features.Add(new SchemaFeature(name!, isNumerical));
            }

            return ProfileReadResult.Success(new ProfileDocument(_modelName!, _typeName ?? string.Empty, _schemaHash!, features.MoveToImmutable()));
        }

        private static ProfileReadResult Failure(string error) => ProfileReadResult.Failure(error, -1);
    }
}

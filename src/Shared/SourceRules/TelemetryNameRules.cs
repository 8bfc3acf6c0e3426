namespace MonitorGen.SourceRules;

/// <summary>
/// The OpenTelemetry naming rules for the names a <c>[Monitor]</c> type declares (<c>docs/diagnostics/MG0006.md</c>); the
/// generator and the analyzers must agree on them. The instrument name syntax is
/// <c>^[A-Za-z][A-Za-z0-9_.\-/]{0,254}$</c>.
/// </summary>
internal static class TelemetryNameRules
{
    /// <summary>The longest OpenTelemetry instrument name.</summary>
    public const int MaxInstrumentNameLength = 255;

    /// <summary>
    /// The longest KPI name: the instrument <c>monitorgen.kpi.{name}</c> (the runtime's <c>InstrumentNames.KpiPrefix</c>,
    /// 15 characters) must fit the instrument name limit.
    /// </summary>
    public const int MaxKpiNameLength = MaxInstrumentNameLength - 15;

    /// <summary>
    /// Whether <paramref name="name"/> follows the instrument name syntax: an ASCII letter, then up to 254 ASCII letters,
    /// digits, <c>_</c>, <c>.</c>, <c>-</c> or <c>/</c>. Model names (the <c>model</c> tag) and feature names (the
    /// <c>feature</c> tag) must follow it, so that they can name instruments, files and dashboards as they are.
    /// </summary>
    public static bool IsInstrumentName(string? name)
    {
        if (name is null || name.Length == 0 || name.Length > MaxInstrumentNameLength || !IsAsciiLetter(name[0]))
        {
            return false;
        }

        for (int i = 1; i < name.Length; i++)
        {
            char c = name[i];
            if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '_' && c != '.' && c != '-' && c != '/')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a KPI name (the part after <c>monitorgen.kpi.</c>) follows the semantic-convention style, which is stricter
    /// than the syntax: <c>^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$</c>, at most <see cref="MaxKpiNameLength"/> characters.
    /// </summary>
    public static bool IsKpiName(string? name)
    {
        if (name is null || name.Length == 0 || name.Length > MaxKpiNameLength || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        bool segmentEmpty = false;
        for (int i = 1; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '.')
            {
                if (segmentEmpty)
                {
                    return false;
                }

                segmentEmpty = true;
            }
            else if ((c >= 'a' && c <= 'z') || IsAsciiDigit(c) || c == '_')
            {
                segmentEmpty = false;
            }
            else
            {
                return false;
            }
        }

        return !segmentEmpty;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
}

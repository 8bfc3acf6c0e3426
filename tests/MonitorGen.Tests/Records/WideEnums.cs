using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>A dense enum on a 64-bit signed underlying type.</summary>
public enum WideCode : long
{
    Zero,
    One,
    Two,
}

/// <summary>A dense enum on a 64-bit unsigned underlying type.</summary>
public enum WideFlag : ulong
{
    Off,
    On,
    Auto,
}

/// <summary>Dense enums wider than int, whose undefined values must not wrap into a real category.</summary>
[Monitor("wide-enums")]
public partial record WideEnumRow([DriftTest] WideCode Code, [DriftTest] WideFlag Flag);

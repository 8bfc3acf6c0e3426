using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>Numbers whose distinct values are categories: a star rating with a range, and a capped number of rooms.</summary>
[Monitor("listings")]
public partial record Listing(
    [DriftTest(DriftMethod.ChiSquare, Categorical = true, MaxCategories = 10), Expect(Min = 1, Max = 5)] double Rating,
    [DriftTest(Categorical = true, MaxCategories = 3)] double? Rooms);

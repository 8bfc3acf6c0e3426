using System;
using System.Collections.Generic;

namespace MonitorGen.AspNetCore;

/// <summary>What <see cref="MonitorRegistry.CheckOnRequestAsync"/> did with one request for a manual check.</summary>
/// <param name="Reports">Per monitor, in registration order, the report of the check the request ran or shared; null for a
/// monitor whose check failed, or when the request came too soon.</param>
/// <param name="Shared">The request joined a check that another request had started.</param>
/// <param name="RetryAfter">Null when a check ran; otherwise how long until a new check may start
/// (<see cref="MonitorGenOptions.ManualCheckMinimumInterval"/>).</param>
public sealed record ManualCheckResult(IReadOnlyList<DriftReport?> Reports, bool Shared, TimeSpan? RetryAfter);

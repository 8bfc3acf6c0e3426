using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MonitorGen.AspNetCore.Options;

/// <summary>
/// Binds the <c>MonitorGen</c> section of the host's configuration, when the container has one (a bare
/// <c>ServiceCollection</c> may not). The binding is source-generated: no reflection.
/// </summary>
internal sealed class MonitorGenConfigurationBinder(IConfiguration? configuration = null) : IConfigureOptions<MonitorGenOptions>
{
    public void Configure(MonitorGenOptions options) =>
        configuration?.GetSection(MonitorGenOptions.SectionName).Bind(options);
}

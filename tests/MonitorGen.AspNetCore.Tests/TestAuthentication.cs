using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>
/// Authenticates a request that carries <c>X-Test-User</c> (with the roles in <c>X-Test-Role</c>); any other request is
/// anonymous. The policy <see cref="OperatorsPolicy"/> requires the role <c>operator</c>.
/// </summary>
internal sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string OperatorsPolicy = "operators";
    public const string UserHeader = "X-Test-User";
    public const string RoleHeader = "X-Test-Role";

    public static void Register(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthentication>(SchemeName, _ => { });
        builder.Services.AddAuthorization(o => o.AddPolicy(OperatorsPolicy, p => p.RequireAuthenticatedUser().RequireRole("operator")));
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(UserHeader, out var user) || string.IsNullOrEmpty(user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], SchemeName);
        foreach (string? role in Request.Headers[RoleHeader])
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role ?? ""));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

using System;
using System.Net;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>The detail endpoints behind an authorization policy, on a real Kestrel; probes and scrapes stay anonymous.</summary>
public sealed class AuthorizationTests
{
    private static readonly (HttpMethod Method, string Path)[] Details =
    [
        (HttpMethod.Get, "/monitoring/drift"),
        (HttpMethod.Get, "/monitoring/report"),
        (HttpMethod.Post, "/monitoring/drift/check"),
        (HttpMethod.Post, "/monitoring/labels"),
        (HttpMethod.Get, "/monitoring/performance"),
        (HttpMethod.Get, "/monitoring/labels/requests"),
        (HttpMethod.Get, "/health/drift"),
        (HttpMethod.Get, "/health/drift/seattle-weather"),
    ];

    [Fact]
    public async Task With_the_policy_option_details_answer_401_anonymous_403_without_the_role_and_200_with_it()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(
            o => o.AuthorizationPolicy = TestAuthentication.OperatorsPolicy,
            host: TestAuthentication.Register);
        await AssertGuardedAsync(app);
    }

    [Fact]
    public async Task RequireAuthorization_on_the_returned_builder_guards_the_details_only()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(
            host: TestAuthentication.Register,
            detailConventions: details => details.RequireAuthorization(TestAuthentication.OperatorsPolicy));
        await AssertGuardedAsync(app);
    }

    [Fact]
    public async Task By_default_the_details_refuse_anonymous_callers_and_answer_any_authenticated_user()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.AllowAnonymousManagement = false, host: TestAuthentication.Register);
        foreach ((HttpMethod method, string path) in Details)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(app, method, path, user: null, role: null));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(app, method, path, user: "ann", role: "viewer"));
        }

        foreach (string open in new[] { "/health/live", "/health/ready", "/metrics" })
        {
            Assert.Equal(HttpStatusCode.OK, await SendAsync(app, HttpMethod.Get, open, user: null, role: null));
        }
    }

    [Fact]
    public async Task By_default_without_authorization_registered_mapping_fails_naming_the_choices()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WeatherApp.StartAsync(o => o.AllowAnonymousManagement = false));

        Assert.Contains("require authorization by default", error.Message);
        Assert.Contains("MonitorGen:AuthorizationPolicy", error.Message);
        Assert.Contains("MonitorGen:AllowAnonymousManagement=true, which is unsafe", error.Message);
    }

    [Fact]
    public async Task Only_the_explicit_unsafe_opt_in_makes_the_details_anonymous()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.AllowAnonymousManagement = true, host: TestAuthentication.Register);
        foreach ((HttpMethod method, string path) in Details)
        {
            Assert.Equal(HttpStatusCode.OK, await SendAsync(app, method, path, user: null, role: null));
        }
    }

    [Fact]
    public async Task A_policy_that_is_not_registered_fails_at_mapping_with_its_name()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WeatherApp.StartAsync(o => o.AuthorizationPolicy = "auditors", host: TestAuthentication.Register));
        Assert.Contains("'auditors'", error.Message);
        Assert.Contains("AddPolicy", error.Message);

        error = await Assert.ThrowsAsync<InvalidOperationException>(() => WeatherApp.StartAsync(o => o.AuthorizationPolicy = "auditors"));
        Assert.Contains("AddAuthorization", error.Message);
    }

    private static async Task AssertGuardedAsync(WeatherApp app)
    {
        foreach ((HttpMethod method, string path) in Details)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(app, method, path, user: null, role: null));
            Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(app, method, path, user: "ann", role: "viewer"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(app, method, path, user: "ann", role: "operator"));
        }

        foreach (string open in new[] { "/health/live", "/health/ready", "/metrics" })
        {
            Assert.Equal(HttpStatusCode.OK, await SendAsync(app, HttpMethod.Get, open, user: null, role: null));
        }

        // Nothing guarded the prediction itself.
        await app.PostAsync(SeattleWeather.Summer.Take(1));
    }

    private static async Task<HttpStatusCode> SendAsync(WeatherApp app, HttpMethod method, string path, string? user, string? role)
    {
        using var request = new HttpRequestMessage(method, path);
        if (path == "/monitoring/labels")
        {
            // An empty batch: the endpoint answers 200 to whoever may reach it.
            request.Content = new StringContent("[]", System.Text.Encoding.UTF8, "application/json");
        }

        if (user is not null)
        {
            request.Headers.Add(TestAuthentication.UserHeader, user);
        }

        if (role is not null)
        {
            request.Headers.Add(TestAuthentication.RoleHeader, role);
        }

        using HttpResponseMessage response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

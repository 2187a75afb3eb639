using System.Net;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Accounts;

namespace Entente.IntegrationTests.Api;

/// <summary>Enrolling an authenticator: the key, the verification of a current code (any digits), recovery codes.</summary>
public abstract class SecondFactorTests(EntenteApp app)
{
    [Fact]
    public async Task Authenticator_IsOnOnlyOnceACurrentCodeIsVerified()
    {
        var (_, token) = await app.NewAccountAsync("KW");
        var client = app.CreateClient(token, null);
        var setup = await client.PostAsync("/api/me/second-factor/authenticator", null, TestContext.Current.CancellationToken);
        var key = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<AuthenticatorSetupResponse>(setup.Content, ApiClient.Json, TestContext.Current.CancellationToken))!;

        var before = await client.GetAsync<SecondFactorResponse>("/api/me/second-factor");
        using var wrong = await client.PostJsonAsync("/api/me/second-factor/verify", new { code = "000000" == Totp.Code(key.SharedKey, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        using var right = await client.PostJsonAsync("/api/me/second-factor/verify", new { code = Totp.Code(key.SharedKey, DateTimeOffset.UtcNow) });
        var after = await client.GetAsync<SecondFactorResponse>("/api/me/second-factor");

        Assert.StartsWith("otpauth://totp/Entente%3A", key.AuthenticatorUri, StringComparison.Ordinal);
        Assert.Equal((false, true), (before.Enabled, before.HasAuthenticator));
        Assert.Equal("code", (string?)(await wrong.ProblemAsync(HttpStatusCode.UnprocessableEntity))["field"]);
        await ApiClient.EnsureAsync(right, HttpStatusCode.OK);
        Assert.Equal((true, 10), (after.Enabled, after.RecoveryCodesLeft));
    }

    [Fact]
    public async Task Verify_AcceptsArabicIndicDigits()
    {
        var (_, token) = await app.NewAccountAsync("GB");
        var client = app.CreateClient(token, null);
        using var setup = await client.PostAsync("/api/me/second-factor/authenticator", null, TestContext.Current.CancellationToken);
        var key = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<AuthenticatorSetupResponse>(setup.Content, ApiClient.Json, TestContext.Current.CancellationToken))!;
        var arabic = string.Concat(Totp.Code(key.SharedKey, DateTimeOffset.UtcNow).Select(c => (char)('\u0660' + (c - '0'))));

        using var response = await client.PostJsonAsync("/api/me/second-factor/verify", new { code = arabic });

        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SecondFactorTestsOnSqlite(SqliteApp app) : SecondFactorTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SecondFactorTestsOnPostgres(PostgresApp app) : SecondFactorTests(app);

using System.Text;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Security;

/// <summary>Passwords and API tokens are nowhere in the database files in clear: not in a table, not in the audit chain, not in the write-ahead log.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SecretsAtRestTests(SqliteApp app)
{
    [Fact]
    public async Task PasswordAndToken_AreNotInTheDatabaseFiles()
    {
        string password;
        string token;
        await using (var scope = Entente.Web.Infrastructure.Auth.ActorScopes.CreateSystemScope(app.Services, "tests"))
        {
            var (account, secret, _) = await scope.ServiceProvider.GetRequiredService<AccountCreation>()
                .CreateAsync($"secret-{Guid.NewGuid():N}@test.local", "GB", null, administrator: false, TestContext.Current.CancellationToken);
            password = secret;
            (token, _) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(account!, "secret", 1, TestContext.Current.CancellationToken);
        }

        var files = Directory.GetFiles(app.DataDirectory, "entente.db*");
        var contents = files.Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }).ToList();

        Assert.Contains(files, f => f.EndsWith("entente.db", StringComparison.Ordinal));
        foreach (var secret in new[] { password, token, token[4..] })
        {
            var bytes = Encoding.UTF8.GetBytes(secret);
            Assert.DoesNotContain(contents, c => c.AsSpan().IndexOf(bytes) >= 0);
        }

        var hash = Encoding.UTF8.GetBytes(ApiTokens.Hash(token));
        Assert.Contains(contents, c => c.AsSpan().IndexOf(hash) >= 0);
    }
}

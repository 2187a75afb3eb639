using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Entente.IntegrationTests.Platform;

/// <summary>The data-protection key ring (cookies, antiforgery, authenticator keys) at rest.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task WithACertificate_KeysAreStoredEncrypted_AndStillUnprotectAfterARestart()
    {
        var dir = Directory.CreateTempSubdirectory("entente-dp-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Entente data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(dir, "dp.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "test password"), TestContext.Current.CancellationToken);

            // The sign-in form's antiforgery token needs a key: the first start makes one.
            await using (var first = Start(dir, pfx))
            {
                var page = await first.CreateClient().GetStringAsync("/account/sign-in", TestContext.Current.CancellationToken);
                Assert.Contains("name=\"__csrf\"", page, StringComparison.Ordinal);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir, "entente.db")}"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT Xml FROM DataProtectionKeys";
                var xml = (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
                Assert.NotNull(xml);
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            }

            // A second start with the same certificate decrypts the key it wrote, rather than making another.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using (var second = Start(dir, pfx))
            {
                using var response = await second.CreateClient().GetAsync("/account/sign-in", TestContext.Current.CancellationToken);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir, "entente.db")}"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM DataProtectionKeys";
                Assert.Equal(1L, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static WebApplicationFactory<Program> Start(string dir, string pfx) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ENTENTE_DATA_DIR", dir);
            b.UseSetting("ConnectionStrings:Postgres", string.Empty);
            b.UseSetting("ENTENTE_DEMO_DATA", "false");
            b.UseSetting("Entente:DataProtection:Certificate", pfx);
            b.UseSetting("Entente:DataProtection:CertificatePassword", "test password");
        });
}

using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Signatures;

/// <summary>The instance's signing authority exists from the first start (every signer's certificate is issued by it).</summary>
public sealed class SigningAuthorityAtStartup : IStartupWork
{
    public int Order => 10;

    public Task RunAsync(IServiceProvider services, bool newDatabase, CancellationToken cancellationToken) =>
        services.GetRequiredService<SigningKeys>().EnsureAuthorityAsync(cancellationToken);
}

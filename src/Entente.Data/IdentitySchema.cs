using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Data;

/// <summary>
/// The version of Identity's tables the model maps. Version 3 adds the passkeys table
/// (<c>AspNetUserPasskeys</c>); Identity's context reads the version from the application's
/// <see cref="IdentityOptions"/>, so the design-time factories of the migrations give it one too.
/// </summary>
public static class IdentitySchema
{
    public static readonly Version Version = IdentitySchemaVersions.Version3;

    /// <summary>
    /// For a context made outside the application (<c>dotnet ef</c>, the benchmark, tests that open
    /// the database directly): an application service provider that holds the schema version.
    /// Inside the application, <c>AddAccounts</c> sets it on Identity's options.
    /// </summary>
    public static DbContextOptionsBuilder UseIdentitySchema(this DbContextOptionsBuilder options) =>
        options.UseApplicationServiceProvider(new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = Version)
            .BuildServiceProvider());
}

using Entente.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Entente.Web.Features.Records;

/// <summary>Refuses to start when a record page's spec does not fit its API (<see cref="RecordPageChecks"/>): a misspelt path fails loudly, before anyone types into an input that saves nothing.</summary>
public sealed class RecordPagesAtStartup : IStartupWork
{
    public int Order => 0;

    public Task RunAsync(IServiceProvider services, bool newDatabase, CancellationToken cancellationToken)
    {
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var sources = services.GetServices<IChoiceSource>().Select(s => s.Name).Append(BodyChoices.PartiesSource).ToList();
        var mismatches = services.GetRequiredService<RecordPageSpecs>().All.SelectMany(spec => RecordPageChecks.Mismatches(spec, json, sources)).ToList();
        return mismatches.Count == 0 ? Task.CompletedTask
            : throw new InvalidOperationException("The record pages do not fit the API:" + Environment.NewLine + string.Join(Environment.NewLine, mismatches));
    }
}

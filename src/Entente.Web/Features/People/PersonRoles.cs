using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.People;

/// <summary>A person in a role in a request: who, for which party, with which title at the time.</summary>
public sealed record PersonRoleRequest(Guid? PersonId, Guid? PartyId, TextDto? Title, string? Role = null, DateDto? SignedOn = null);

/// <summary>A person in a role in a response, with the preferred spellings of the name.</summary>
public sealed record PersonRoleResponse(Guid PersonId, Guid PartyId, TextDto Name, TextDto Title, string? Role = null, DateDto? SignedOn = null);

/// <summary>Reading and checking the people-in-roles of sessions, meetings and documents.</summary>
public static class PersonRoles
{
    /// <summary>Checks each entry (person exists, party is a member of the body, title in both languages) and builds the domain objects.</summary>
    public static async Task<List<T>> ReadAsync<T>(
        PersonRoleRequest?[]? requests,
        string field,
        Checks checks,
        References refs,
        List<Guid> bodyParties,
        Func<PersonRoleRequest, Guid, Guid, BilingualText, int, T> create,
        CancellationToken ct)
        where T : PersonInRole
    {
        var result = new List<T>();
        foreach (var (r, i) in checks.Entries(requests, field))
        {
            var at = $"{field}[{i}]";
            var personId = checks.Required(r.PersonId, $"{at}.personId");
            var partyId = checks.Required(r.PartyId, $"{at}.partyId");
            await refs.ExistsAsync<Person>(r.PersonId, $"{at}.personId", ct);
            refs.Member(bodyParties, r.PartyId, $"{at}.partyId");
            var title = checks.Text(r.Title, $"{at}.title");
            result.Add(create(r, personId, partyId, title, i));
        }

        var twice = result.Count - result.Select(r => (r.PartyId, r.PersonId)).Distinct().Count();
        if (twice > 0)
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, field, $"'{field}' names the same person for the same party twice."));
        }

        return result;
    }
}

using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.People;

/// <summary>A person in a role in a request: who, for which party, with which title at the time.</summary>
public sealed record PersonRoleRequest(Guid? PersonId, Guid? PartyId, TextDto? Title, string? Role = null, DateDto? SignedOn = null);

/// <summary>A person in a role in a response, with the preferred spellings of the name.</summary>
public sealed record PersonRoleResponse(Guid PersonId, Guid PartyId, TextDto Name, TextDto Title, string? Role = null, DateDto? SignedOn = null);

/// <summary>What a kind of people-in-roles records besides person, party and title.</summary>
[Flags]
public enum PersonRoleFields
{
    None = 0,

    /// <summary>The part the person played (a meeting's chair, attendee).</summary>
    Role = 1,

    /// <summary>When the person signed (a document's signatory).</summary>
    SignedOn = 2,
}

/// <summary>Reading and checking the people-in-roles of sessions, meetings and documents.</summary>
public static class PersonRoles
{
    /// <summary>
    /// Checks each entry (person exists, party is a member of the body, title in both languages) and builds the
    /// domain objects. A field this kind of row does not record is refused; its answers' fixed role
    /// (<paramref name="impliedRole"/>: "co-chair", "signatory") may be sent back as read.
    /// </summary>
    public static async Task<List<T>> ReadAsync<T>(
        PersonRoleRequest?[]? requests,
        string field,
        Checks checks,
        References refs,
        List<Guid> bodyParties,
        PersonRoleFields takes,
        string? impliedRole,
        Func<PersonRoleRequest, Guid, Guid, BilingualText, int, T> create,
        CancellationToken ct)
        where T : PersonInRole
    {
        var result = new List<T>();
        foreach (var (r, i) in checks.Entries(requests, field))
        {
            var at = $"{field}[{i}]";
            // A value this kind of row does not record is refused, not dropped: the caller would believe it kept.
            if (r.Role is not null && !takes.HasFlag(PersonRoleFields.Role) && r.Role != impliedRole)
            {
                checks.Add(new RuleError(RuleCodes.OutOfRange, $"{at}.role", $"'{at}.role' is not recorded for {field}: leave it out."));
            }

            if (r.SignedOn is not null && !takes.HasFlag(PersonRoleFields.SignedOn))
            {
                checks.Add(new RuleError(RuleCodes.OutOfRange, $"{at}.signedOn", $"'{at}.signedOn' is recorded for a document's signatories only: leave it out."));
            }

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

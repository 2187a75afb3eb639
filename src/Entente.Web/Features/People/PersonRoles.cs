using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.People;

/// <summary>A person in a role in a request: who, for which party, with which title at the time.</summary>
/// <param name="InstitutionId">The institution the person acted for (an agreement's signatory for a fund, a UN agency); its party stands for the party, which may then be outside the body.</param>
public sealed record PersonRoleRequest(Guid? PersonId, Guid? PartyId, TextDto? Title, string? Role = null, DateDto? SignedOn = null, Guid? InstitutionId = null);

/// <summary>A person in a role in a response, with the preferred spellings of the name.</summary>
public sealed record PersonRoleResponse(Guid PersonId, Guid PartyId, TextDto Name, TextDto Title, string? Role = null, DateDto? SignedOn = null, Guid? InstitutionId = null);

/// <summary>What a kind of people-in-roles records besides person, party and title.</summary>
[Flags]
public enum PersonRoleFields
{
    None = 0,

    /// <summary>The part the person played (a meeting's chair, attendee).</summary>
    Role = 1,

    /// <summary>When the person signed (a document's signatory).</summary>
    SignedOn = 2,

    /// <summary>The institution the person acted for, of any party (an agreement's signatory).</summary>
    Institution = 4,
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

            if (r.InstitutionId is not null && !takes.HasFlag(PersonRoleFields.Institution))
            {
                checks.Add(new RuleError(RuleCodes.OutOfRange, $"{at}.institutionId", $"'{at}.institutionId' is recorded for an agreement's signatories only: leave it out."));
            }

            var personId = checks.Required(r.PersonId, $"{at}.personId");
            await refs.ExistsAsync<Person>(r.PersonId, $"{at}.personId", ct);
            Guid partyId;
            if (r.InstitutionId is { } institutionId && takes.HasFlag(PersonRoleFields.Institution))
            {
                // Signing for an institution: the party is the institution's, which may be outside the body (a UN agency's).
                var institutionParty = await refs.InstitutionPartyAsync(institutionId, $"{at}.institutionId", ct) ?? Guid.Empty;
                if (r.PartyId is { } named && institutionParty != Guid.Empty && named != institutionParty)
                {
                    checks.Add(new RuleError(RuleCodes.Mismatch, $"{at}.partyId", $"'{at}.partyId' is not the party of '{at}.institutionId': leave it out, or name the institution's party.", named, institutionParty));
                }

                partyId = institutionParty;
            }
            else
            {
                partyId = checks.Required(r.PartyId, $"{at}.partyId");
                refs.Member(bodyParties, r.PartyId, $"{at}.partyId");
                // A person stands for the party they belong to; one of another party acts through an institution.
                if (r.PersonId is { } person && r.PartyId is { } named && await refs.PersonPartyAsync(person, ct) is { } own && own != named)
                {
                    checks.Add(new RuleError(RuleCodes.Mismatch, $"{at}.partyId", takes.HasFlag(PersonRoleFields.Institution)
                        ? $"'{at}.partyId' is not the party of '{at}.personId': name the person's party, or the institution the person signs for."
                        : $"'{at}.partyId' is not the party of '{at}.personId'.", named, own));
                }
            }

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

using System.Net;
using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Documents;
using Entente.Web.Features.Engagements;
using Entente.Web.Features.Indicators;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.Notes;
using Entente.Web.Features.Parties;
using Entente.Web.Features.People;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Sources;
using Entente.Web.Infrastructure;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// What real releases carry, each in a typed field and refused when malformed rather than coerced:
/// a body's other names and the gender of its Arabic name, a session's theme and host, several
/// honorifics and post-nominals, kinds outside the list with a label of their own, figures with a
/// qualifier, a share and the precision of their period, sources with byline, officialness,
/// translation and truncation, claims of silence, notes on a source, and agreements signed for
/// institutions outside the two parties.
/// </summary>
public abstract class ReleaseFieldsTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task ABody_KeepsItsOtherNames_ItsFrequency_AndTheGenderOfItsArabicName()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = await _client.CreateAsync<JointBodyResponse>("/api/joint-bodies", new
        {
            kind = "strategic-dialogue",
            name = new { ar = "الحوار الاستراتيجي التجريبي " + Guid.NewGuid().ToString("N")[..6], en = "Test Strategic Dialogue" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom },
            frequency = "annual",
            nameVariants = new object[]
            {
                new { language = "ar", text = "لجنة الحوار الاستراتيجي", from = new { year = 2012 }, until = new { year = 2015 } },
                new { language = "en", text = "Strategic Dialogue Committee" },
            },
        });

        Assert.Equal((ArabicGender.Masculine, (ArabicGender?)null, (SessionFrequency?)SessionFrequency.Annual), (body.Gender, body.ArabicGender, body.Frequency));
        var variant = Assert.Single(body.NameVariants, v => v.Language == "ar");
        Assert.Equal(("لجنة الحوار الاستراتيجي", 2012, 2015), (variant.Text, variant.From!.Year, variant.Until!.Year));
        Assert.Contains(body.NameVariants, v => v is { Language: "en", Text: "Strategic Dialogue Committee", From: null });

        // A working group named as a committee («لجنة العمل») takes the feminine, and says so.
        var request = new Dictionary<string, object?>
        {
            ["kind"] = "working-group", ["name"] = new { ar = "لجنة العمل التجريبية", en = body.Name.En }, ["partyIds"] = new[] { reference.Kuwait, reference.UnitedKingdom },
            ["arabicGender"] = "feminine", ["nameVariants"] = Array.Empty<object>(),
        };
        using var changed = await _client.PutJsonAsync($"/api/joint-bodies/{body.Id}", request, $"\"{body.Version}\"");
        var renamed = await ApiClient.ReadAsync<JointBodyResponse>(changed, HttpStatusCode.OK);
        Assert.Equal((ArabicGender.Feminine, 0, (SessionFrequency?)null), (renamed.Gender, renamed.NameVariants.Count, renamed.Frequency));
        Assert.Equal((JointBodyKind.StrategicDialogue, ArabicGender.Masculine), (renamed.FormerNames[^1].Kind, renamed.FormerNames[^1].Gender));
    }

    [Fact]
    public async Task ARenamedBody_ItsFormerNameKeepsTheGenderItTook_WhenTheNewOneFollowsItsKind()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = await _client.CreateAsync<JointBodyResponse>("/api/joint-bodies", new
        {
            kind = "joint-committee",
            name = new { ar = "المجلس التنسيقي التجريبي " + Guid.NewGuid().ToString("N")[..6], en = "Test Coordination Council" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom },
            arabicGender = "masculine",
        });
        Assert.Equal(ArabicGender.Masculine, body.Gender);

        using var changed = await _client.PutJsonAsync($"/api/joint-bodies/{body.Id}", new
        {
            kind = "joint-committee", name = new { ar = "اللجنة العليا التجريبية", en = "Test Higher Joint Committee" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom }, renamedOn = new { year = 2021, month = 3, day = 1 }, arabicGender = (string?)null,
        }, $"\"{body.Version}\"");
        var renamed = await ApiClient.ReadAsync<JointBodyResponse>(changed, HttpStatusCode.OK);

        Assert.Equal(ArabicGender.Feminine, renamed.Gender);
        var former = Assert.Single(renamed.FormerNames);
        Assert.Equal((body.Name.Ar, ArabicGender.Masculine), (former.Name.Ar, former.Gender));
    }

    [Theory]
    [InlineData("""{"arabicGender":"neuter"}""", "arabicGender", 400)]
    [InlineData("""{"frequency":"monthly"}""", "frequency", 400)]
    [InlineData("""{"nameVariants":[{"language":"fr","text":"Dialogue"}]}""", "nameVariants[0].language", 400)]
    [InlineData("""{"nameVariants":[{"language":"ar","text":""}]}""", "nameVariants[0].text", 400)]
    [InlineData("""{"nameVariants":[{"language":"en","text":"Same"},{"language":"en","text":"same"}]}""", "nameVariants[1].text", 422)]
    [InlineData("""{"nameVariants":[{"language":"en","text":"Old","from":{"year":2015},"until":{"year":2012}}]}""", "nameVariants[0].until", 422)]
    public async Task ABadBody_IsRefused_NamingItsField(string change, string field, int status)
    {
        var reference = await Reference.LoadAsync(_client);
        var name = "Refused committee " + Guid.NewGuid().ToString("N");
        var body = Merge(new Dictionary<string, object?>
        {
            ["kind"] = "joint-committee", ["name"] = new { ar = "لجنة مرفوضة", en = name }, ["partyIds"] = new[] { reference.Kuwait, reference.UnitedKingdom },
        }, change);

        using var response = await _client.PostJsonAsync("/api/joint-bodies", body);

        await AssertRefusedAsync(response, status, field);
        Assert.DoesNotContain(await _client.ListAsync<JointBodyResponse>("/api/joint-bodies"), b => b.Name.En == name);
    }

    [Fact]
    public async Task ASession_HasItsThemeAndHost_AndAHostOutsideTheBodyIsRefused()
    {
        var reference = await Reference.LoadAsync(_client);
        var number = Reference.NewSessionNumber();
        var session = await _client.CreateAsync<SessionResponse>("/api/sessions", new
        {
            jointBodyId = reference.Body.Id, number, placeKind = "city", placeName = new { ar = "الكويت", en = "Kuwait City" },
            hostPartyId = reference.Kuwait, theme = new { ar = "شراكة للمستقبل", en = "" }, year = 2031, yearInferred = true,
        });
        Assert.Equal((reference.Kuwait, "شراكة للمستقبل", "", 2031, true), (session.HostPartyId!.Value, session.Theme!.Ar, session.Theme.En, session.Year!.Value, session.YearInferred));

        // An inferred mark marks a year.
        using (var noYear = await _client.PostJsonAsync("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "virtual", yearInferred = true }))
        {
            await AssertRefusedAsync(noYear, 400, "year");
        }

        var outsider = await _client.CreateAsync<PartyResponse>("/api/parties", new { code = NewCode(), kind = "state", name = new { ar = "دولة أخرى", en = "Another state" } });
        using var response = await _client.PostJsonAsync("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "virtual", hostPartyId = outsider.Id });
        await AssertRefusedAsync(response, 422, "hostPartyId");
    }

    [Fact]
    public async Task APerson_HasSeveralHonorificsInOrder_AndPostNominals_AndBadOnesAreRefused()
    {
        var reference = await Reference.LoadAsync(_client);
        var names = new[] { new { language = "en", text = "Test Person " + Guid.NewGuid().ToString("N")[..8], isPreferred = true } };
        var person = await _client.CreateAsync<PersonResponse>("/api/people", new
        {
            partyId = reference.UnitedKingdom,
            honorifics = new[] { new { ar = "السير", en = "Sir" }, new { ar = "الدكتور", en = "Dr" } },
            postNominals = new[] { "MP", "KCMG" },
            names,
        });
        Assert.Equal(["Sir", "Dr"], person.Honorifics.Select(h => h.En));
        Assert.Equal(["MP", "KCMG"], person.PostNominals);
        // No Arabic spelling was given: none is invented.
        Assert.Null(person.Name.Ar);

        foreach (var (bad, field) in new (object Body, string Field)[]
        {
            (new { honorifics = Array.Empty<object>(), postNominals = new[] { "M P" }, names }, "postNominals[0]"),
            (new { honorifics = Array.Empty<object>(), postNominals = new[] { "M.P.", "" }, names }, "postNominals[1]"),
            (new { honorifics = new[] { new { ar = "", en = "" } }, names }, "honorifics[0].ar"),
            (new { honorifics = Enumerable.Range(0, 7).Select(i => new { ar = "لقب", en = "Title" + i }).ToArray(), names }, "honorifics"),
        })
        {
            using var response = await _client.PutJsonAsync($"/api/people/{person.Id}", bad, $"\"{person.Version}\"");
            await AssertRefusedAsync(response, 400, field);
        }

        using (var twice = await _client.PutJsonAsync($"/api/people/{person.Id}", new { postNominals = new[] { "MP", "mp" }, names }, $"\"{person.Version}\""))
        {
            await AssertRefusedAsync(twice, 422, "postNominals[1]");
        }

        Assert.Equal(["Sir", "Dr"], (await _client.GetAsync<PersonResponse>($"/api/people/{person.Id}")).Honorifics.Select(h => h.En));
    }

    [Fact]
    public async Task AKindOutsideTheList_IsOtherWithALabel_NeverTheNearestKind()
    {
        var reference = await Reference.LoadAsync(_client);
        var engagement = await _client.CreateAsync<EngagementResponse>("/api/engagements", new
        {
            jointBodyId = reference.Body.Id, kind = "other", kindLabel = new { ar = "أسبوع ثقافي", en = "" }, title = new { ar = "أسبوع الكويت الثقافي في لندن", en = "" },
        });
        Assert.Equal((EngagementKind.Other, "أسبوع ثقافي"), (engagement.Kind, engagement.KindLabel!.Ar));

        var document = await _client.CreateAsync<DocumentResponse>("/api/documents", new
        {
            jointBodyId = reference.Body.Id, kind = "other", kindLabel = new { ar = "محضر موقع", en = "Signed minutes" }, title = new { ar = "محضر الاجتماع", en = "Minutes of the meeting" },
        });
        Assert.Equal((DocumentKind.Other, "Signed minutes"), (document.Kind, document.KindLabel!.En));

        using (var unlabelled = await _client.PostJsonAsync("/api/engagements", new { jointBodyId = reference.Body.Id, kind = "other", title = new { ar = "نشاط", en = "Event" } }))
        {
            await AssertRefusedAsync(unlabelled, 400, "kindLabel");
        }

        using (var labelledWorkshop = await _client.PostJsonAsync("/api/engagements", new { jointBodyId = reference.Body.Id, kind = "workshop", kindLabel = new { ar = "معرض", en = "Fair" }, title = new { ar = "ورشة", en = "Workshop" } }))
        {
            await AssertRefusedAsync(labelledWorkshop, 422, "kindLabel");
        }

        using var unlabelledDocument = await _client.PostJsonAsync("/api/documents", new { jointBodyId = reference.Body.Id, kind = "other", title = new { ar = "وثيقة", en = "Paper" } });
        await AssertRefusedAsync(unlabelledDocument, 400, "kindLabel");
    }

    [Fact]
    public async Task AFigure_KeepsItsQualifier_ItsShare_AndThePrecisionOfItsPeriod()
    {
        var reference = await Reference.LoadAsync(_client);
        var indicator = await _client.CreateAsync<IndicatorResponse>("/api/indicators", new
        {
            jointBodyId = reference.Body.Id, name = new { ar = "مساهمة في صندوق", en = "Contribution to a fund" }, unit = "USD", isCurrency = true,
            values = new object[]
            {
                new { value = 1_500_000m, period = new { year = 2021 }, qualifier = "about", each = true },
                new { value = 900_000m, period = new { year = 2022, month = 2 }, partyId = reference.Kuwait },
                new { value = 2_000_000m, qualifier = "over" },
            },
        });

        var yearly = Assert.Single(indicator.Values, v => v.Each == true);
        Assert.Equal(("about", 2021, new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)), (yearly.Qualifier, yearly.Period!.Year!.Value, yearly.PeriodStart!.Value, yearly.PeriodEnd!.Value));
        var share = Assert.Single(indicator.Values, v => v.PartyId == reference.Kuwait);
        Assert.Equal(("exact", new DateOnly(2022, 2, 1), new DateOnly(2022, 2, 28)), (share.Qualifier, share.PeriodStart!.Value, share.PeriodEnd!.Value));
        var undated = Assert.Single(indicator.Values, v => v.PeriodStart is null);
        Assert.Equal(("over", (DateDto?)null, (DateOnly?)null), (undated.Qualifier, undated.Period, undated.PeriodEnd));

        // Sent back as read, the figures stay as they are.
        using var resent = await _client.PutJsonAsync($"/api/indicators/{indicator.Id}", new
        {
            jointBodyId = reference.Body.Id, name = new { ar = "مساهمة في صندوق", en = "Contribution to a fund" }, unit = "USD", isCurrency = true, values = indicator.Values,
        }, $"\"{indicator.Version}\"");
        var again = await ApiClient.ReadAsync<IndicatorResponse>(resent, HttpStatusCode.OK);
        Assert.Equal(indicator.Values.Select(v => v.Id).Order(), again.Values.Select(v => v.Id).Order());
    }

    [Theory]
    [InlineData("""{"value":1,"qualifier":"roughly"}""", "values[0].qualifier", 400)]
    [InlineData("""{"value":1,"each":true,"partyId":"PARTY"}""", "values[0].each", 422)]
    [InlineData("""{"value":1,"period":{"year":2021},"periodStart":"2021-03-01","periodEnd":"2021-12-31"}""", "values[0].periodStart", 422)]
    [InlineData("""{"value":1,"periodStart":"2021-03-01"}""", "values[0].periodEnd", 400)]
    [InlineData("""{"value":1,"period":{"month":3}}""", "values[0].period.year", 400)]
    [InlineData("""{"value":1,"period":{"year":2021,"month":13}}""", "values[0].period.month", 400)]
    [InlineData("""{"value":1,"partyId":"00000000-0000-0000-0000-000000000009"}""", "values[0].partyId", 422)]
    public async Task ABadFigure_IsRefused_NamingItsField(string value, string field, int status)
    {
        var reference = await Reference.LoadAsync(_client);
        var name = "Refused indicator " + Guid.NewGuid().ToString("N");
        var request = new Dictionary<string, object?>
        {
            ["jointBodyId"] = reference.Body.Id, ["name"] = new { ar = "مؤشر", en = name }, ["unit"] = "students",
            ["values"] = new JsonArray(JsonNode.Parse(value.Replace("PARTY", reference.Kuwait.ToString(), StringComparison.Ordinal))),
        };

        using var response = await _client.PostJsonAsync("/api/indicators", request);

        await AssertRefusedAsync(response, status, field);
        Assert.DoesNotContain(await _client.ListAsync<IndicatorResponse>($"/api/indicators?jointBodyId={reference.Body.Id}"), i => i.Name.En == name);
    }

    [Fact]
    public async Task ASource_SaysWhoWroteIt_WhetherItIsOfficial_WhatItTranslates_AndWhetherItIsCut_AndASilenceIsAClaim()
    {
        var reference = await Reference.LoadAsync(_client);
        var original = await _client.CreateAsync<SourceResponse>("/api/sources", new
        {
            jointBodyId = reference.Body.Id, kind = "press-release", title = new { ar = "بيان صحفي تجريبي", en = "" }, language = "ar",
            publisher = "وكالة تجريبية", byline = "مراسل الوكالة", isOfficial = false,
        });
        var translation = await _client.CreateAsync<SourceResponse>("/api/sources", new
        {
            jointBodyId = reference.Body.Id, kind = "press-release", title = new { ar = "", en = "Test press release" }, language = "en", translationOfId = original.Id, isTruncated = true,
        });
        Assert.Equal(("مراسل الوكالة", (bool?)false, false), (original.Byline, original.IsOfficial, original.IsTruncated));
        Assert.Equal((original.Id, (bool?)null, true), (translation.TranslationOfId!.Value, translation.IsOfficial, translation.IsTruncated));

        // A translation is in another language than its original, and of an original.
        using (var sameLanguage = await _client.PostJsonAsync("/api/sources", new { kind = "report", title = new { ar = "تقرير", en = "" }, language = "ar", translationOfId = original.Id }))
        {
            await AssertRefusedAsync(sameLanguage, 422, "translationOfId");
        }

        using (var ofATranslation = await _client.PostJsonAsync("/api/sources", new { kind = "report", title = new { ar = "تقرير", en = "" }, language = "ar", translationOfId = translation.Id }))
        {
            await AssertRefusedAsync(ofATranslation, 422, "translationOfId");
        }

        // Nor of another body's source, which the other party of this body may not read; and an original stays one.
        var elsewhere = Assert.Single(await _client.ListAsync<JointBodyResponse>("/api/joint-bodies"), b => b.Name.En == "Kuwait–Jordan Higher Joint Committee");
        var foreign = await _client.CreateAsync<SourceResponse>("/api/sources", new { jointBodyId = elsewhere.Id, kind = "report", title = new { ar = "", en = "A report" }, language = "en" });
        using (var acrossBodies = await _client.PostJsonAsync("/api/sources", new { jointBodyId = reference.Body.Id, kind = "report", title = new { ar = "تقرير", en = "" }, language = "ar", translationOfId = foreign.Id }))
        {
            await AssertRefusedAsync(acrossBodies, 422, "translationOfId");
        }

        using (var originalAsTranslation = await _client.PutJsonAsync($"/api/sources/{original.Id}", new
        {
            jointBodyId = reference.Body.Id, kind = "press-release", title = new { ar = "بيان صحفي تجريبي", en = "" }, language = "ar", translationOfId = foreign.Id,
        }, $"\"{original.Version}\""))
        {
            await AssertRefusedAsync(originalAsTranslation, 422, "translationOfId");
        }

        // "This release does not mention an action plan": a claim of silence, with no value, disputing none.
        var said = await _client.CreateAsync<ClaimResponse>("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session16.Id, field = "year", value = "2020", sourceId = translation.Id });
        var silence = await _client.CreateAsync<ClaimResponse>("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session16.Id, field = "year", isSilence = true, sourceId = original.Id });
        Assert.Equal((true, "", false), (silence.IsSilence, silence.Value, silence.Disputed));
        Assert.False((await _client.GetAsync<ClaimResponse>($"/api/claims/{said.Id}")).Disputed);

        // A silence of a kind of record none was kept of: "the release mentions no action plan".
        var noPlan = await _client.CreateAsync<ClaimResponse>("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session16.Id, field = "action-plan", isSilence = true, sourceId = original.Id });
        Assert.Equal(("actionPlan", true), (noPlan.Field, noPlan.IsSilence));
        foreach (var notAKind in new[] { "actionPlans", "-1", "17" })
        {
            using var refused = await _client.PostJsonAsync("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session16.Id, field = notAKind, isSilence = true, sourceId = original.Id });
            await AssertRefusedAsync(refused, 400, "field");
        }

        using (var kindWithAValue = await _client.PostJsonAsync("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session16.Id, field = "actionPlan", value = "none", sourceId = original.Id }))
        {
            await AssertRefusedAsync(kindWithAValue, 400, "field");
        }

        using (var withValue = await _client.PostJsonAsync("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session16.Id, field = "year", isSilence = true, value = "2020", sourceId = original.Id }))
        {
            await AssertRefusedAsync(withValue, 422, "value");
        }

        // The kept text of the translation is cut short: its silences prove nothing.
        using (var cut = await _client.PostJsonAsync("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session16.Id, field = "placeName", isSilence = true, sourceId = translation.Id }))
        {
            await AssertRefusedAsync(cut, 422, "isSilence");
        }

        // A joint note never names a national agenda item: the other party would read its id.
        var session = await _client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "virtual" });
        var brief = await _client.CreateAsync<Entente.Web.Features.Agenda.AgendaItemResponse>("/api/agenda-items", new
        {
            sessionId = session.Id, title = new { ar = "موقفنا التفاوضي", en = "" }, visibility = "national", ownerPartyId = reference.Kuwait,
        });
        using (var jointNote = await _client.PostJsonAsync("/api/notes", new { jointBodyId = reference.Body.Id, targetType = "agenda-item", targetId = brief.Id, language = "ar", text = "ملاحظة" }))
        {
            Assert.Equal("national-reference", (string?)(await jointNote.ProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]);
        }

        await _client.CreateAsync<NoteResponse>("/api/notes", new { jointBodyId = reference.Body.Id, targetType = "agenda-item", targetId = brief.Id, language = "ar", text = "ملاحظة داخلية", visibility = "national", ownerPartyId = reference.Kuwait });

        // A note may be about the source itself.
        var note = await _client.CreateAsync<NoteResponse>("/api/notes", new { jointBodyId = reference.Body.Id, targetType = "source", targetId = translation.Id, language = "en", text = "The agency's English version drops the last two paragraphs." });
        Assert.Equal((RecordType.Source, translation.Id), (note.TargetType, note.TargetId));
    }

    [Fact]
    public async Task AnAgreement_IsSignedForAnInstitutionOutsideTheParties_AndNamesTheInstitutionsItConcerns()
    {
        var reference = await Reference.LoadAsync(_client);
        var code = NewCode();
        var organisation = await _client.CreateAsync<PartyResponse>("/api/parties", new { code, kind = "organisation", name = new { ar = "منظمة تجريبية", en = "Test Organisation" } });
        var agency = await _client.CreateAsync<InstitutionResponse>("/api/institutions", new { partyId = organisation.Id, name = new { ar = "وكالة التنمية التجريبية", en = "Test Development Agency" } });
        var fund = await _client.CreateAsync<InstitutionResponse>("/api/institutions", new { partyId = reference.Kuwait, name = new { ar = "صندوق تجريبي", en = "Test Fund" } });
        var director = await _client.CreateAsync<PersonResponse>("/api/people", new { partyId = organisation.Id, names = new[] { new { language = "en", text = "Director " + code, isPreferred = true } } });
        var chair = reference.Session16.CoChairs.Single(c => c.PartyId == reference.Kuwait);

        var request = reference.NewAgreement();
        request["status"] = "signed";
        request["signedOn"] = new { year = 2021, month = 3, day = 2 };
        request["signatories"] = new object[]
        {
            new { personId = chair.PersonId, partyId = reference.Kuwait, title = chair.Title },
            new { personId = director.Id, institutionId = agency.Id, title = new { ar = "", en = "Regional Director" }, signedOn = new { year = 2021, month = 3, day = 2 } },
        };
        request["institutions"] = new object[] { new { institutionId = agency.Id, role = "party" }, new { institutionId = fund.Id, role = "funder" }, new { institutionId = fund.Id, role = "beneficiary" } };
        var agreement = await _client.CreateAsync<AgreementResponse>("/api/agreements", request);

        var forAgency = Assert.Single(agreement.Signatories, s => s.InstitutionId == agency.Id);
        Assert.Equal((director.Id, organisation.Id, "Regional Director", 2021), (forAgency.PersonId, forAgency.PartyId, forAgency.Title.En, forAgency.SignedOn!.Year!.Value));
        Assert.Contains(agreement.Signatories, s => s.PersonId == chair.PersonId && s.InstitutionId is null);
        Assert.Equal(["beneficiary", "funder", "party"], agreement.Institutions.Select(i => i.Role).Order(StringComparer.Ordinal));
        // The parties of the agreement are still the body's; the organisation is one through its agency.
        Assert.DoesNotContain(organisation.Id, agreement.PartyIds);

        // Its page offers the director (of no party of the body) and the agency, and shows them chosen.
        var (secretariat, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var page = await PageSession.SignedInClientAsync(app, secretariat);
        var edit = await page.GetStringAsync($"/agreements/{agreement.Id}/edit", TestContext.Current.CancellationToken);
        Assert.Contains($"<option value=\"{director.Id}\" selected", edit, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{agency.Id}\" selected", edit, StringComparison.Ordinal);
        Assert.Contains("Test Development Agency, Test Organisation", edit, StringComparison.Ordinal);

        foreach (var (signatory, field, status) in new (object Row, string Field, int Status)[]
        {
            // Named for the institution, the party is the institution's.
            (new { personId = director.Id, institutionId = agency.Id, partyId = reference.Kuwait, title = new { ar = "", en = "Director" } }, "signatories[0].partyId", 422),
            (new { personId = director.Id, institutionId = Guid.NewGuid(), title = new { ar = "", en = "Director" } }, "signatories[0].institutionId", 422),
            // Without an institution, a signatory signs for one of the body's parties.
            (new { personId = director.Id, partyId = organisation.Id, title = new { ar = "", en = "Director" } }, "signatories[0].partyId", 422),
            // A person of another party signs for a party of the body only through an institution.
            (new { personId = director.Id, partyId = reference.Kuwait, title = new { ar = "", en = "Director" } }, "signatories[0].partyId", 422),
            (new { personId = chair.PersonId, partyId = reference.UnitedKingdom, title = new { ar = "", en = "Minister" } }, "signatories[0].partyId", 422),
            (new { personId = chair.PersonId, partyId = reference.Kuwait, title = new { ar = "", en = "" } }, "signatories[0].title.ar", 400),
        })
        {
            var bad = reference.NewAgreement();
            bad["signatories"] = new[] { signatory };
            using var response = await _client.PostJsonAsync("/api/agreements", bad);
            await AssertRefusedAsync(response, status, field);
        }

        var badRole = reference.NewAgreement();
        badRole["institutions"] = new[] { new { institutionId = fund.Id, role = "sponsor" } };
        using (var response = await _client.PostJsonAsync("/api/agreements", badRole))
        {
            await AssertRefusedAsync(response, 400, "institutions[0].role");
        }

        // A document's signatories sign for the body's parties: an institution there is refused, not dropped.
        using var onADocument = await _client.PostJsonAsync("/api/documents", new
        {
            jointBodyId = reference.Body.Id, kind = "agreement-text", title = new { ar = "نص", en = "Text" },
            signatories = new[] { new { personId = chair.PersonId, partyId = reference.Kuwait, institutionId = fund.Id, title = chair.Title } },
        });
        await AssertRefusedAsync(onADocument, 400, "signatories[0].institutionId");
    }

    /// <summary>A party code no other test uses: capital letters only.</summary>
    private static string NewCode() => new([.. Guid.NewGuid().ToByteArray().Take(6).Select(b => (char)('A' + (b % 26)))]);

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> body, string change)
    {
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, int status, string field)
    {
        var problem = await response.ProblemAsync((HttpStatusCode)status);
        Assert.True(problem["errors"]!.AsArray().Any(e => (string?)e!["field"] == field), $"Expected an error on '{field}': {problem.ToJsonString()}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReleaseFieldsTestsOnSqlite(SqliteApp app) : ReleaseFieldsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReleaseFieldsTestsOnPostgres(PostgresApp app) : ReleaseFieldsTests(app);

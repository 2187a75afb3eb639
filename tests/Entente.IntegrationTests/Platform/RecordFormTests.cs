using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.Web.Features.Engagements;
using Entente.Web.Infrastructure;

namespace Entente.IntegrationTests.Platform;

/// <summary>The form of the record pages: typed text to the API's JSON and back, and the re-apply of a person's changes after a conflict.</summary>
public sealed class RecordFormTests
{
    private static readonly EngagementPages Spec = new();
    private static readonly Guid Body = Guid.CreateVersion7();

    [Theory]
    [InlineData("1442-09-01 هـ", "2021-04-13")]
    [InlineData("١٤٤٢-٠١-٠١هـ", "2020-08-20")]
    [InlineData("01/09/1442 AH", "2021-04-13")]
    public void ADateTypedInTheHijriCalendar_IsStoredAsItsGregorianDay(string typed, string stored)
    {
        var checks = new Checks();

        Assert.Equal(DateOnly.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), RecordForm.ParseDate(typed, "dueOn", checks));
        var partial = RecordForm.ParsePartialDate(typed, "startsOn", checks);
        Assert.Equal(stored, $"{partial!.Year:D4}-{partial.Month:D2}-{partial.Day:D2}");
        Assert.Empty(checks.Errors);
    }

    [Theory]
    [InlineData("1442 هـ")]
    [InlineData("1442-09 هـ")]
    [InlineData("1442-13-01 هـ")]
    [InlineData("1442-09-31 هـ")]
    public void AHijriYearOrMonthAlone_OrNoHijriDay_IsRefusedNamingTheField(string typed)
    {
        var checks = new Checks();

        Assert.Null(RecordForm.ParsePartialDate(typed, "startsOn", checks));
        var error = Assert.Single(checks.Errors);
        Assert.Equal(("startsOn", Entente.Domain.RuleCodes.InvalidDate), (error.Field, error.Code));
    }

    [Fact]
    public void ToRequest_ReadsArabicIndicDigitsInPartialDates_AndLeavesEmptyProseOut()
    {
        var form = Form(("title.ar", "ورشة"), ("title.en", "Workshop"), ("startsOn", "٢٠٢١-٠٢"), ("endsOn", "2021"), ("kind", "workshop"));
        var checks = new Checks();

        var request = form.ToRequest(Spec, null, Body, null, checks);

        Assert.Empty(checks.Errors);
        Assert.Equal(2021, request["startsOn"]!["year"]!.GetValue<int>());
        Assert.Equal(2, request["startsOn"]!["month"]!.GetValue<int>());
        Assert.Null(request["startsOn"]!["day"]);
        Assert.Null(request["endsOn"]!["month"]);
        Assert.Null(request["description"]);
        Assert.Equal(Body.ToString("D"), request["jointBodyId"]!.GetValue<string>());
        Assert.Equal("joint", request["visibility"]!.GetValue<string>());
    }

    [Fact]
    public void CoChairs_ReadIntoTheirRows_AndBackOnlyTheRowsFilledIn()
    {
        var sessions = new Entente.Web.Features.Sessions.SessionPages();
        var (kuwait, person) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var stored = new JsonObject
        {
            ["number"] = 17,
            ["coChairs"] = new JsonArray(new JsonObject
            {
                ["personId"] = person.ToString("D"), ["partyId"] = kuwait.ToString("D"),
                ["title"] = new JsonObject { ["ar"] = "نائب وزير الخارجية", ["en"] = "Deputy Minister of Foreign Affairs" },
            }),
        };
        var form = RecordForm.FromRecord(sessions, stored);
        Assert.Equal(person.ToString("D"), form["coChairs[0].personId"]);
        Assert.Equal(string.Empty, form["coChairs[1].personId"]);

        var unchanged = form.ToRequest(sessions, stored, Body, null, new Checks());
        Assert.Equal(stored["coChairs"]!.ToJsonString(), unchanged["coChairs"]!.ToJsonString());

        form.Values["coChairs[0].title.en"] = "Minister of Foreign Affairs";
        var changed = form.ToRequest(sessions, stored, Body, null, new Checks());
        var row = Assert.Single(changed["coChairs"]!.AsArray())!;
        Assert.Equal(("Minister of Foreign Affairs", "نائب وزير الخارجية", person.ToString("D"), kuwait.ToString("D")),
            (row["title"]!["en"]!.GetValue<string>(), row["title"]!["ar"]!.GetValue<string>(), row["personId"]!.GetValue<string>(), row["partyId"]!.GetValue<string>()));
    }

    [Fact]
    public void Signatories_ARowWithItsOfferedPartyAlone_IsAnEmptyRow()
    {
        var documents = new Entente.Web.Features.Documents.DocumentPages();
        var (kuwait, britain) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var form = Form(("title.ar", "محضر"), ("title.en", "Minutes"), ("kind", "minutes"),
            ("signatories[0].partyId", kuwait.ToString("D")), ("signatories[1].partyId", britain.ToString("D")));
        var checks = new Checks();

        var request = form.ToRequest(documents, null, Body, null, checks);

        Assert.Empty(checks.Errors);
        Assert.Empty(request["signatories"]!.AsArray());

        form.Values["signatories[1].title.en"] = "Ambassador";
        var withTitle = form.ToRequest(documents, null, Body, null, new Checks());
        Assert.Equal(britain.ToString("D"), Assert.Single(withTitle["signatories"]!.AsArray())!["partyId"]!.GetValue<string>());
    }

    [Fact]
    public void IndicatorValues_ANewFigureInArabicIndicDigits_AddedBesideTheStoredOnes_WhichKeepTheirSource()
    {
        var indicators = new Entente.Web.Features.Indicators.IndicatorPages();
        var source = Guid.CreateVersion7().ToString("D");
        var stored = new JsonObject
        {
            ["values"] = new JsonArray(new JsonObject { ["value"] = 3400000000m, ["periodStart"] = "2019-01-01", ["periodEnd"] = "2019-12-31", ["sourceId"] = source, ["reportedOn"] = "2020-11-23" }),
        };
        var form = RecordForm.FromRecord(indicators, stored);
        form.Values["values[1].value"] = "٣١٠٠٠٠٠٠٠٠٫٥";
        form.Values["values[1].periodStart"] = "٢٠٢٠-٠١-٠١";
        form.Values["values[1].periodEnd"] = "2020-12-31";
        var checks = new Checks();

        var values = form.ToRequest(indicators, stored, Body, null, checks)["values"]!.AsArray();

        Assert.Empty(checks.Errors);
        Assert.Equal(2, values.Count);
        Assert.Equal((3400000000m, source), (values[0]!["value"]!.GetValue<decimal>(), values[0]!["sourceId"]!.GetValue<string>()));
        Assert.Equal((3100000000.5m, "2020-01-01"), (values[1]!["value"]!.GetValue<decimal>(), values[1]!["periodStart"]!.GetValue<string>()));
        Assert.Null(values[1]!["sourceId"]);
    }

    [Fact]
    public void IndicatorValues_AYearAndAShare_ReadAsAYearAlone_AndBackWithWhatTheRowDoesNotShow()
    {
        var indicators = new Entente.Web.Features.Indicators.IndicatorPages();
        var (kuwait, britain) = (Guid.CreateVersion7().ToString("D"), Guid.CreateVersion7().ToString("D"));
        JsonObject Share(string id, string party, decimal value) => new()
        {
            ["id"] = id, ["value"] = value, ["period"] = new JsonObject { ["year"] = 2021, ["text"] = "2021" }, ["periodStart"] = "2021-01-01", ["periodEnd"] = "2021-12-31",
            ["qualifier"] = "about", ["partyId"] = party,
        };
        var (first, second) = (Guid.CreateVersion7().ToString("D"), Guid.CreateVersion7().ToString("D"));
        var stored = new JsonObject { ["values"] = new JsonArray(Share(first, kuwait, 1_500_000m), Share(second, britain, 900_000m)) };

        var form = RecordForm.FromRecord(indicators, stored);
        Assert.Equal(("2021", string.Empty, "about"), (form["values[0].periodStart"], form["values[0].periodEnd"], form["values[0].qualifier"]));
        form.Values["values[1].value"] = "950000";
        form.Values["values[1].qualifier"] = "over";
        // The empty row the form shows next posts its qualifier's first choice: still an empty row.
        form.Values["values[2].qualifier"] = "exact";
        var checks = new Checks();

        var values = form.ToRequest(indicators, stored, Body, null, checks)["values"]!.AsArray();

        Assert.Empty(checks.Errors);
        Assert.Equal(2, values.Count);
        Assert.Equal((first, kuwait, "about", 2021), (values[0]!["id"]!.GetValue<string>(), values[0]!["partyId"]!.GetValue<string>(), values[0]!["qualifier"]!.GetValue<string>(), values[0]!["period"]!["year"]!.GetValue<int>()));
        Assert.Equal((second, britain, "over", 950000m), (values[1]!["id"]!.GetValue<string>(), values[1]!["partyId"]!.GetValue<string>(), values[1]!["qualifier"]!.GetValue<string>(), values[1]!["value"]!.GetValue<decimal>()));
        Assert.Null(values[1]!["periodStart"]);
    }

    [Fact]
    public void IndicatorValues_NoPeriodAtAll_IsAFigureOfUnknownPeriod_AndHalfARange_IsRefused()
    {
        var indicators = new Entente.Web.Features.Indicators.IndicatorPages();
        var form = RecordForm.FromRecord(indicators, new JsonObject { ["values"] = new JsonArray() });
        form.Values["values[0].value"] = "2000000";
        form.Values["values[0].qualifier"] = "over";
        form.Values["values[1].value"] = "5";
        form.Values["values[1].periodStart"] = "2020-01-01";
        var checks = new Checks();

        var values = form.ToRequest(indicators, null, Body, null, checks)["values"]!.AsArray();

        Assert.Equal(["values[1].periodEnd"], checks.Errors.Select(e => e.Field));
        Assert.Equal(("over", null, null), (values[0]!["qualifier"]!.GetValue<string>(), values[0]!["periodStart"]?.GetValue<string>(), values[0]!["period"]?.ToJsonString()));
    }

    [Fact]
    public void AgreementSignatories_APersonOfAnInstitutionOutsideTheBody_StaysAsRecorded_WhenAnotherRowChanges()
    {
        var agreements = new Entente.Web.Features.Agreements.AgreementPages();
        var (kuwait, agencyParty, agency, director, chair) = (Guid.CreateVersion7().ToString("D"), Guid.CreateVersion7().ToString("D"), Guid.CreateVersion7().ToString("D"), Guid.CreateVersion7().ToString("D"), Guid.CreateVersion7().ToString("D"));
        var stored = new JsonObject
        {
            ["signatories"] = new JsonArray(
                new JsonObject { ["personId"] = chair, ["partyId"] = kuwait, ["title"] = new JsonObject { ["ar"] = "وزير", ["en"] = "Minister" }, ["name"] = new JsonObject { ["ar"] = "أ", ["en"] = "A" } },
                new JsonObject
                {
                    ["personId"] = director, ["partyId"] = agencyParty, ["institutionId"] = agency, ["signedOn"] = new JsonObject { ["year"] = 2021 },
                    ["title"] = new JsonObject { ["ar"] = "", ["en"] = "Regional Director" }, ["name"] = new JsonObject { ["ar"] = null, ["en"] = "Jane Doe" },
                }),
        };
        var form = RecordForm.FromRecord(agreements, stored);
        Assert.Equal((agency, "Jane Doe"), (form["signatories[1].institutionId"], form["signatories[1].name.en"]));
        // The party of the agency is none of the body's: its list shows none, and posts none.
        form.Values["signatories[1].partyId"] = string.Empty;
        form.Values["signatories[0].title.en"] = "Minister of Foreign Affairs";

        var rows = form.ToRequest(agreements, stored, Body, null, new Checks())["signatories"]!.AsArray();

        Assert.Equal(2, rows.Count);
        var forAgency = rows[1]!;
        Assert.Equal((director, agency, 2021), (forAgency["personId"]!.GetValue<string>(), forAgency["institutionId"]!.GetValue<string>(), forAgency["signedOn"]!["year"]!.GetValue<int>()));
        Assert.Null(forAgency["partyId"]);
        Assert.Equal("Minister of Foreign Affairs", rows[0]!["title"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public void AFlagThatMayBeUnknown_StaysUnknownUntilChosen()
    {
        var sources = new Entente.Web.Features.Sources.SourcePages();
        var stored = new JsonObject { ["title"] = new JsonObject { ["ar"] = "بيان", ["en"] = "" }, ["isOfficial"] = null, ["isTruncated"] = false };
        var form = RecordForm.FromRecord(sources, stored);
        Assert.Equal(string.Empty, form["isOfficial"]);

        form.Values["title.en"] = "Release";
        var request = form.ToRequest(sources, stored, Body, null, new Checks());
        Assert.Null(request["isOfficial"]);

        form.Values["isOfficial"] = "false";
        Assert.False(form.ToRequest(sources, stored, Body, null, new Checks())["isOfficial"]!.GetValue<bool>());

        // As the browser posts it: "not known" stays not known.
        var posted = RecordForm.FromPost(sources, new Microsoft.AspNetCore.Http.FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["title.ar"] = "بيان", ["title.en"] = "", ["isOfficial"] = "", ["kind"] = "press-release", ["language"] = "ar",
        }));
        Assert.Null(posted.ToRequest(sources, stored, Body, null, new Checks())["isOfficial"]);
    }

    [Fact]
    public void IndicatorValues_PostedUnchanged_WithTheBlankRowsSelect_AreSentAsStored()
    {
        var indicators = new Entente.Web.Features.Indicators.IndicatorPages();
        var stored = new JsonObject
        {
            ["name"] = new JsonObject { ["ar"] = "مؤشر", ["en"] = "Indicator" },
            ["values"] = new JsonArray(new JsonObject
            {
                ["id"] = Guid.CreateVersion7().ToString("D"), ["value"] = 3m, ["qualifier"] = "exact", ["periodStart"] = "2019-01-01", ["periodEnd"] = "2019-12-31",
                ["period"] = new JsonObject { ["year"] = 2019, ["inferred"] = new JsonArray("year"), ["text"] = "2019 ~year" },
            }),
        };
        var shown = RecordForm.FromRecord(indicators, stored);
        var post = shown.Values.ToDictionary(v => v.Key, v => new Microsoft.Extensions.Primitives.StringValues(v.Value));
        post["values[1].qualifier"] = "exact";
        post["name.en"] = "Renamed indicator";

        var request = RecordForm.FromPost(indicators, new Microsoft.AspNetCore.Http.FormCollection(post)).ToRequest(indicators, stored, Body, null, new Checks());

        Assert.True(JsonNode.DeepEquals(stored["values"], request["values"]), request["values"]!.ToJsonString());
    }

    [Fact]
    public void IndicatorValues_NotANumberOrNotADate_ReportedUnderTheirInput()
    {
        var indicators = new Entente.Web.Features.Indicators.IndicatorPages();
        var form = RecordForm.FromRecord(indicators, new JsonObject { ["values"] = new JsonArray() });
        form.Values["values[0].value"] = "three billion";
        form.Values["values[0].periodStart"] = "2020-13-01";
        form.Values["values[0].periodEnd"] = "2020-12-31";
        var checks = new Checks();

        form.ToRequest(indicators, null, Body, null, checks);

        Assert.Equal(["values[0].periodStart", "values[0].value"], checks.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Participants_ARowChanged_KeepsWhatTheRowDoesNotShow()
    {
        var meetings = new Entente.Web.Features.Meetings.MeetingPages();
        var (party, person) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var stored = new JsonObject
        {
            ["participants"] = new JsonArray(new JsonObject
            {
                ["personId"] = person.ToString("D"), ["partyId"] = party.ToString("D"), ["role"] = "chair", ["name"] = new JsonObject { ["ar"] = "س", ["en"] = "S" },
                ["title"] = new JsonObject { ["ar"] = "وزير", ["en"] = "Minister" },
            }),
        };
        var form = RecordForm.FromRecord(meetings, stored);
        form.Values["participants[0].title.en"] = "Minister of State";

        var row = Assert.Single(form.ToRequest(meetings, stored, Body, null, new Checks())["participants"]!.AsArray())!;

        Assert.Equal(("chair", "Minister of State"), (row["role"]!.GetValue<string>(), row["title"]!["en"]!.GetValue<string>()));
        Assert.Null(row["name"]);
    }

    [Theory]
    [InlineData("21-02")]
    [InlineData("2021-02-03-04")]
    [InlineData("2021-feb")]
    public void ToRequest_RefusesAPartialDateThatIsNotOne_UnderItsField(string typed)
    {
        var checks = new Checks();

        Form(("startsOn", typed)).ToRequest(Spec, null, Body, null, checks);

        Assert.Contains(checks.Errors, e => e.Field == "startsOn" && e.Code == RuleCodes.InvalidDate);
    }

    [Fact]
    public void ToRequest_KeepsWhatThePersonDidNotChange_ExactlyAsStored()
    {
        var stored = new JsonObject
        {
            ["title"] = new JsonObject { ["ar"] = "ورشة", ["en"] = "Workshop" },
            ["startsOn"] = new JsonObject { ["year"] = 2020, ["month"] = 11, ["day"] = 23, ["inferred"] = new JsonArray("year") },
            ["visibility"] = "joint",
            ["organiserInstitutionIds"] = new JsonArray(),
        };
        var form = RecordForm.FromRecord(Spec, stored);
        form.Values["title.en"] = "Virtual workshop";
        var checks = new Checks();

        var request = form.ToRequest(Spec, stored, Body, null, checks);

        Assert.Equal("Virtual workshop", request["title"]!["en"]!.GetValue<string>());
        Assert.Equal("year", request["startsOn"]!["inferred"]![0]!.GetValue<string>());
        Assert.Equal("2020-11-23", form["startsOn"]);
    }

    [Fact]
    public void National_BelongsToTheReadersParty()
    {
        var party = Guid.CreateVersion7();

        var request = Form(("visibility", "national")).ToRequest(Spec, null, Body, party, new Checks());

        Assert.Equal("national", request["visibility"]!.GetValue<string>());
        Assert.Equal(party.ToString("D"), request["ownerPartyId"]!.GetValue<string>());
    }

    [Fact]
    public void ReapplyOn_KeepsMyChangesOnTheirs_AndNamesWhatBothChanged()
    {
        var read = Form(("title.en", "Workshop"), ("place.en", "Kuwait"), ("status", "planned"));
        var theirs = Form(("title.en", "Workshop"), ("place.en", "London"), ("status", "held"));
        var mine = Form(("title.en", "Virtual workshop"), ("place.en", "Kuwait"), ("status", "cancelled"));

        var (merged, both) = mine.ReapplyOn(read, theirs);

        Assert.Equal("Virtual workshop", merged["title.en"]);
        Assert.Equal("London", merged["place.en"]);
        Assert.Equal("cancelled", merged["status"]);
        Assert.Equal(["status"], both);
        Assert.Equal(["place.en", "status"], theirs.ChangedFrom(read).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IndicatorValues_MoreFiguresThanTheFormFirstOffers_AllShown_AndSavedUnchanged_WithOneRowToSpare()
    {
        var indicators = new Entente.Web.Features.Indicators.IndicatorPages();
        var slots = indicators.Fields.Single(f => f.Path == "values").Slots;
        var stored = new JsonObject
        {
            ["name"] = new JsonObject { ["ar"] = "مؤشر", ["en"] = "Indicator" },
            ["values"] = new JsonArray([.. Enumerable.Range(0, slots + 6).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = Guid.CreateVersion7().ToString("D"), ["value"] = 100m + i, ["qualifier"] = "exact",
                ["periodStart"] = $"{1990 + i}-01-01", ["periodEnd"] = $"{1990 + i}-12-31",
            })]),
        };
        var shown = RecordForm.FromRecord(indicators, stored);
        var field = indicators.Fields.Single(f => f.Path == "values");
        Assert.Equal(slots + 7, shown.Rows(field));
        Assert.Equal(string.Empty, shown[$"values[{slots + 6}].value"]);

        var post = shown.Values.ToDictionary(v => v.Key, v => new Microsoft.Extensions.Primitives.StringValues(v.Value));
        post[$"values[{slots + 6}].value"] = "٤٢";
        post[$"values[{slots + 6}].periodStart"] = "2030";
        var request = RecordForm.FromPost(indicators, new Microsoft.AspNetCore.Http.FormCollection(post)).ToRequest(indicators, stored, Body, null, new Checks());

        var values = request["values"]!.AsArray();
        Assert.Equal(slots + 7, values.Count);
        Assert.True(JsonNode.DeepEquals(stored["values"]![slots + 5], values[slots + 5]), values[slots + 5]!.ToJsonString());
        Assert.Equal(42m, values[slots + 6]!["value"]!.GetValue<decimal>());
    }

    [Fact]
    public void Rows_ABlankRowBetweenFilledOnes_MovesLast_SoThatTheApisRowNumbersAreTheFormsOwn()
    {
        var agreements = new Entente.Web.Features.Agreements.AgreementPages();
        var (fund, person, other) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var post = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["name.en"] = "MoU",
            ["signatories[0].personId"] = person.ToString("D"),
            ["signatories[0].title.en"] = "Minister",
            ["signatories[1].partyId"] = Guid.CreateVersion7().ToString("D"),
            ["signatories[2].personId"] = other.ToString("D"),
            ["signatories[2].institutionId"] = fund.ToString("D"),
            ["institutions[0].role"] = "party",
            ["institutions[1].institutionId"] = fund.ToString("D"),
            ["institutions[1].role"] = "funder",
        };

        var form = RecordForm.FromPost(agreements, new Microsoft.AspNetCore.Http.FormCollection(post));
        var request = form.ToRequest(agreements, null, Body, null, new Checks());

        Assert.Equal((other.ToString("D"), fund.ToString("D")), (form["signatories[1].personId"], form["signatories[1].institutionId"]));
        Assert.Equal(string.Empty, form["signatories[2].personId"] + form["signatories[2].partyId"]);
        Assert.Equal(other.ToString("D"), request["signatories"]![1]!["personId"]!.GetValue<string>());
        Assert.Equal((fund.ToString("D"), "funder"), (form["institutions[0].institutionId"], form["institutions[0].role"]));
        Assert.Equal("funder", Assert.Single(request["institutions"]!.AsArray())!["role"]!.GetValue<string>());
    }

    [Fact]
    public void Rows_PastTheMostAFormTakes_AreRefusedUnderTheField_NotDropped()
    {
        var indicators = new Entente.Web.Features.Indicators.IndicatorPages();
        var post = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["name.en"] = "Indicator",
            [$"values[{FieldSpec.MaxRows + 40}].value"] = "1",
            [$"values[{FieldSpec.MaxRows + 40}].periodStart"] = "2020",
        };
        var form = RecordForm.FromPost(indicators, new Microsoft.AspNetCore.Http.FormCollection(post));
        var checks = new Checks();

        form.ToRequest(indicators, null, Body, null, checks);

        Assert.Equal(FieldSpec.MaxRows + 1, form.Rows(indicators.Fields.Single(f => f.Path == "values")));
        Assert.Equal(("values", RuleCodes.TooLong), (Assert.Single(checks.Errors).Field, checks.Errors[0].Code));
    }

    [Fact]
    public void ReapplyOn_AFieldOfRows_IsMergedWhole_NeverMixingTheirPersonWithMyTitle()
    {
        var sessions = new Entente.Web.Features.Sessions.SessionPages();
        var (me, them) = (Guid.CreateVersion7().ToString("D"), Guid.CreateVersion7().ToString("D"));
        RecordForm Of(params (string, string)[] v) => new(v.ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal));
        var read = Of(("number", "17"), ("coChairs[0].personId", me), ("coChairs[0].title.en", "Minister"));
        var theirs = Of(("number", "18"), ("coChairs[0].personId", them), ("coChairs[0].title.en", "Minister"));
        var mine = Of(("number", "17"), ("coChairs[0].personId", me), ("coChairs[0].title.en", "Deputy Minister"));

        var (merged, both) = mine.ReapplyOn(read, theirs, sessions.Fields);

        Assert.Equal(("18", me, "Deputy Minister"), (merged["number"], merged["coChairs[0].personId"], merged["coChairs[0].title.en"]));
        Assert.Equal(["coChairs[0].personId", "coChairs[0].title.en"], both.Order(StringComparer.Ordinal));

        var (perInput, _) = mine.ReapplyOn(read, theirs);
        Assert.Equal(them, perInput["coChairs[0].personId"]);
    }

    private static RecordForm Form(params (string Input, string Value)[] values)
    {
        var all = Spec.Fields.SelectMany(f => f.Inputs).ToDictionary(i => i, _ => string.Empty, StringComparer.Ordinal);
        all["visibility"] = "joint";
        foreach (var (input, value) in values)
        {
            all[input] = value;
        }

        return new RecordForm(all);
    }
}

using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Statements;

namespace Entente.IntegrationTests.DemoData;

/// <summary>
/// Beside the reference case, the demo holds two bodies of other kinds and parties with several
/// sessions each, whose statements (generated at load) show their history: the name a body bore at
/// an earlier session, an agreement signed at one session and reviewed at the next, each session's
/// own figure, the next session as each decided it.
/// </summary>
public abstract class DemoBodiesTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task TwoMoreBodies_OfOtherKindsAndParties_EachWithSeveralConcludedSessions()
    {
        var bodies = await _client.ListAsync<JointBodyResponse>("/api/joint-bodies");
        var committee = Assert.Single(bodies, b => b.Name.En == "Kuwait–Jordan Higher Joint Committee");
        var group = Assert.Single(bodies, b => b.Name.En == "Oman–UK Joint Working Group on Education");

        Assert.Equal((JointBodyKind.JointCommittee, JointBodyKind.WorkingGroup), (committee.Kind, group.Kind));
        Assert.Equal("Kuwait–Jordan Joint Committee", Assert.Single(committee.FormerNames).Name.En);
        foreach (var body in new[] { committee, group })
        {
            var sessions = await _client.ListAsync<SessionResponse>($"/api/sessions?jointBodyId={body.Id}");
            Assert.True(sessions.Count(s => s.Status == SessionStatus.Concluded) >= 3, $"{body.Name.En} has {sessions.Count} sessions.");
            Assert.Contains(sessions, s => s.Status == SessionStatus.Planned);
        }
    }

    [Fact]
    public async Task EachSessionsStatement_TellsItsOwnNews_UnderTheNameTheBodyBoreThen()
    {
        var committee = Assert.Single(await _client.ListAsync<JointBodyResponse>("/api/joint-bodies"), b => b.Name.En == "Kuwait–Jordan Higher Joint Committee");
        var (s7, s8, s9) = (await StatementAsync(committee.Id, 7), await StatementAsync(committee.Id, 8), await StatementAsync(committee.Id, 9));

        Assert.StartsWith("The Kuwait–Jordan Joint Committee concluded its 7th session of 2018 on Monday 14 May 2018.", s7.En, StringComparison.Ordinal);
        Assert.StartsWith("اختتمت اللجنة الكويتية الأردنية المشتركة", s7.Ar, StringComparison.Ordinal);
        Assert.Contains("An Agreement on the Avoidance of Double Taxation has been proposed.", s7.En, StringComparison.Ordinal);
        Assert.Contains("$620 million in 2017", s7.En, StringComparison.Ordinal);

        Assert.StartsWith("The Kuwait–Jordan Higher Joint Committee concluded its 8th session", s8.En, StringComparison.Ordinal);
        Assert.Contains("During the session, the two sides signed the Agreement on the Avoidance of Double Taxation.", s8.En, StringComparison.Ordinal);
        Assert.Contains("رحب الجانب الأردني بنمو الاستثمارات الكويتية", s8.Ar, StringComparison.Ordinal);
        Assert.Contains("$480 million in 2020", s8.En, StringComparison.Ordinal);
        Assert.DoesNotContain("$620 million", s8.En, StringComparison.Ordinal);

        Assert.Contains("already signed, among them the Agreement on the Avoidance of Double Taxation", s9.En, StringComparison.Ordinal);
        Assert.Contains("During the session, the two sides signed the Memorandum of Understanding on Vocational and Technical Training.", s9.En, StringComparison.Ordinal);
        Assert.Contains("hold the 10th meeting of the Kuwait–Jordan Higher Joint Committee in Amman in 2026", s9.En, StringComparison.Ordinal);
        foreach (var old in new[] { "$480 million", "pandemic", "non-tariff barriers", "has been proposed" })
        {
            Assert.DoesNotContain(old, s9.En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AWorkingGroupsStatement_SpeaksOfItInTheMasculine_WithItsThemeAndAFigureKnownAsOver()
    {
        var group = Assert.Single(await _client.ListAsync<JointBodyResponse>("/api/joint-bodies"), b => b.Name.En == "Oman–UK Joint Working Group on Education");
        var (g2, g3) = (await StatementAsync(group.Id, 2), await StatementAsync(group.Id, 3));

        Assert.Equal((ArabicGender.Masculine, (SessionFrequency?)SessionFrequency.Annual), (group.Gender, group.Frequency));
        Assert.StartsWith("اختتم فريق العمل العماني البريطاني المشترك للتعليم", g3.Ar, StringComparison.Ordinal);
        Assert.Contains("أعمال دورته الـ3", g3.Ar, StringComparison.Ordinal);
        Assert.Contains("وذلك في اجتماعه الختامي", g3.Ar, StringComparison.Ordinal);
        Assert.DoesNotContain("دورتها", g3.Ar, StringComparison.Ordinal);
        Assert.Contains("تحت شعار «شراكة معرفية للعقد القادم»", g3.Ar, StringComparison.Ordinal);
        Assert.Contains("under the theme “A knowledge partnership for the next decade”", g3.En, StringComparison.Ordinal);
        Assert.Contains("أكثر من 4,200 طالب في عام 2022", g3.Ar, StringComparison.Ordinal);
        Assert.Contains("of over 4,200 students in 2022", g3.En, StringComparison.Ordinal);
        // The theme and the figure are the 3rd session's: the 2nd says neither.
        Assert.DoesNotContain("theme", g2.En, StringComparison.Ordinal);
        Assert.DoesNotContain("4,200", g2.En, StringComparison.Ordinal);
    }

    private async Task<(string Ar, string En)> StatementAsync(Guid bodyId, int number)
    {
        var session = Assert.Single(await _client.ListAsync<SessionResponse>($"/api/sessions?jointBodyId={bodyId}"), s => s.Number == number);
        var statement = await _client.GetAsync<StatementResponse>($"/api/sessions/{session.Id}/statement");
        return (statement.Text.Ar!, statement.Text.En!);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoBodiesTestsOnSqlite(SqliteApp app) : DemoBodiesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoBodiesTestsOnPostgres(PostgresApp app) : DemoBodiesTests(app);

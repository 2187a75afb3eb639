using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Obstacles;

public sealed class ObstacleTests
{
    private static Obstacle NewObstacle() => new()
    {
        TrackId = Guid.NewGuid(),
        Title = Sample.Text("Visa delays for experts", "تأخر تأشيرات الخبراء"),
    };

    private static BilingualText Resolution => Sample.Text("Multiple-entry visas issued.", "صدرت تأشيرات متعددة الدخول.");

    [Fact]
    public void ChangeStatus_ResolveWithAnEmptyResolution_RequiresIt()
    {
        var obstacle = NewObstacle();
        obstacle.Resolution = new BilingualText(string.Empty, " ");

        var refused = Assert.Throws<DomainRuleException>(() => obstacle.ChangeStatus(ObstacleStatus.Resolved));
        Assert.Equal(["resolution.ar", "resolution.en"], refused.Errors.Select(e => e.Field));

        Assert.Equal(ObstacleStatus.Open, obstacle.Status);
    }

    [Fact]
    public void ChangeStatus_ResolveWithAResolutionInOneLanguage_Resolves_ItsTranslationPending()
    {
        var obstacle = NewObstacle();
        obstacle.Resolution = new BilingualText(string.Empty, "Done.");

        obstacle.ChangeStatus(ObstacleStatus.Resolved);

        Assert.Equal((ObstacleStatus.Resolved, "ar"), (obstacle.Status, obstacle.Resolution.Pending));
    }

    [Fact]
    public void ChangeStatus_ResolveWithoutResolution_RequiresResolution()
    {
        var obstacle = NewObstacle();

        Rules.Throws(() => obstacle.ChangeStatus(ObstacleStatus.Resolved), "required", "resolution");

        Assert.Equal(ObstacleStatus.Open, obstacle.Status);
    }

    [Fact]
    public void ChangeStatus_OpenThenBeingRemovedThenResolved_Resolves()
    {
        var obstacle = NewObstacle();

        obstacle.ChangeStatus(ObstacleStatus.BeingRemoved);
        Assert.Equal(ObstacleStatus.BeingRemoved, obstacle.Status);
        obstacle.Resolution = Resolution;
        obstacle.ChangeStatus(ObstacleStatus.Resolved);

        Assert.Equal(ObstacleStatus.Resolved, obstacle.Status);
    }

    [Fact]
    public void ChangeStatus_BeingRemovedResolvedWithoutResolution_RequiresResolution()
    {
        var obstacle = NewObstacle();
        obstacle.ChangeStatus(ObstacleStatus.BeingRemoved);

        Rules.Throws(() => obstacle.ChangeStatus(ObstacleStatus.Resolved), "required", "resolution");

        Assert.Equal(ObstacleStatus.BeingRemoved, obstacle.Status);
    }

    [Fact]
    public void ChangeStatus_ResolvedReopened_IsOpenAgain()
    {
        var obstacle = NewObstacle();
        obstacle.Resolution = Resolution;
        obstacle.ChangeStatus(ObstacleStatus.Resolved);

        obstacle.ChangeStatus(ObstacleStatus.Open);

        Assert.Equal(ObstacleStatus.Open, obstacle.Status);
    }

    [Fact]
    public void ChangeStatus_ResolvedToBeingRemoved_IsIllegalTransition()
    {
        var obstacle = NewObstacle();
        obstacle.Resolution = Resolution;
        obstacle.ChangeStatus(ObstacleStatus.Resolved);

        Rules.Throws(() => obstacle.ChangeStatus(ObstacleStatus.BeingRemoved), "illegal-transition", "status");
    }

    [Fact]
    public void Check_RaisedAgainstNothing_RequiresATarget()
    {
        var obstacle = NewObstacle();
        obstacle.TrackId = null;

        Rules.Single(obstacle.Check(), "required", "trackId");
    }

    [Fact]
    public void Check_RaisedAgainstAnAgreement_HasNoErrors()
    {
        var obstacle = NewObstacle();
        obstacle.TrackId = null;
        obstacle.AgreementId = Guid.NewGuid();

        Assert.Empty(obstacle.Check());
    }
}

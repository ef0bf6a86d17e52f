using Haven.Core.Networks;
using Haven.Core.People;

namespace Haven.Web.Tests;

/// Networks and associations: the child's view and the panel's, and that neither ever shows a
/// restricted child to someone without access. Both databases.
public abstract class NetworkTests(HavenApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private Task<int> AdultAsync(string lastName) => app.Data.WithDbAsync(async db =>
    {
        var p = new Person { Kind = PersonKind.Adult, FirstName = "Adult", LastName = lastName, RecordedAt = DateTime.UtcNow };
        db.People.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    private Task<int> PlaceAsync(string name, bool concern) => app.Data.WithDbAsync(async db =>
    {
        var p = new Place { Name = name, Kind = PlaceKind.TransportHub, IsOfConcern = concern };
        db.Places.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    private Task<int> LinkAsync(int childId, AssociationKind kind, int? personId = null, int? placeId = null, DateOnly? start = null, DateOnly? end = null) =>
        app.Data.WithDbAsync(async db =>
        {
            var a = new Association { ChildId = childId, Kind = kind, OtherPersonId = personId, PlaceId = placeId, StartDate = start ?? Today.AddDays(-3),
                EndDate = end, Source = "Return home interview", RecordedAt = DateTime.UtcNow };
            db.Associations.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

    [Fact]
    public async Task Get_ChildNetwork_ShowsCurrentAndPast_ButNeverARestrictedChildWithoutAccess()
    {
        // Arrange
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var holder = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Centre"; c.AllocatedTo = worker; });
        var friend = await app.Data.CreateChildAsync(c => { c.FirstName = "Friendly"; c.AllocatedTo = worker; });
        var secret = await app.Data.CreateChildAsync(c => { c.FirstName = "Secretname"; c.Restricted = true; c.AllocatedTo = holder; c.AccessList.Add(holder); });
        var adult = await AdultAsync("Concernname");
        await LinkAsync(child, AssociationKind.YoungPerson, friend, start: Today.AddMonths(-6), end: Today.AddMonths(-1));
        await LinkAsync(child, AssociationKind.YoungPerson, secret);
        await LinkAsync(secret, AssociationKind.YoungPerson, child); // recorded from the other end too
        await LinkAsync(child, AssociationKind.AdultOfConcern, adult);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var holderClient = app.NewClient();
        await holderClient.SignInAsync(holder.UserName);

        // Act
        var page = await client.GetPageAsync($"/children/{child}/network");
        var holderPage = await holderClient.GetPageAsync($"/children/{child}/network");

        // Assert
        Assert.Contains("Concernname", page.QuerySelector("#current")!.TextContent);
        Assert.Contains("Friendly", page.QuerySelector("#past")!.TextContent);
        Assert.DoesNotContain("Secretname", page.Body!.TextContent);
        Assert.Null(page.QuerySelector($"a[href='/children/{secret}/network']"));
        Assert.Contains("Secretname", holderPage.QuerySelector("#current")!.TextContent);
    }

    [Fact]
    public async Task Get_PanelNetwork_HighlightsNewLinksToKnownRisks_OnlyForVisibleChildren()
    {
        // Arrange
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var holder = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var visible = await app.Data.CreateChildAsync(c => { c.FirstName = "Newlylinked"; c.AllocatedTo = worker; });
        var old = await app.Data.CreateChildAsync(c => { c.FirstName = "Longlinked"; c.AllocatedTo = worker; });
        var secret = await app.Data.CreateChildAsync(c => { c.FirstName = "Hiddenpanel"; c.Restricted = true; c.AllocatedTo = holder; c.AccessList.Add(holder); });
        var station = await PlaceAsync($"Station {Guid.NewGuid():N}", concern: true);
        var park = await PlaceAsync("Harmless park", concern: false);
        await LinkAsync(visible, AssociationKind.Place, placeId: station);
        await LinkAsync(secret, AssociationKind.Place, placeId: station);
        await LinkAsync(old, AssociationKind.Place, placeId: station, start: Today.AddMonths(-3));
        await LinkAsync(old, AssociationKind.Place, placeId: park);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        // Act
        var page = await client.GetPageAsync("/network");

        // Assert
        var newLinks = page.QuerySelector("#new-links")!.TextContent;
        Assert.Contains("Newlylinked", newLinks);
        Assert.DoesNotContain("Longlinked", newLinks);
        Assert.DoesNotContain("Hiddenpanel", page.Body!.TextContent);
        var hub = page.QuerySelectorAll("#hubs tbody tr").Single(r => r.TextContent.Contains("Station"));
        Assert.Equal("2", hub.QuerySelectorAll("td")[2].TextContent.Trim()); // the two visible children, not the restricted one
    }

    [Fact]
    public async Task Get_ChildNetwork_ForAChildOutsideScope_IsForbidden()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var (_, otherTeam) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, otherTeam);
        var child = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(outsider.UserName);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/children/{child}/network")).StatusCode);
    }
}

public sealed class NetworkTestsOnSqlite(SqliteApp app) : NetworkTests(app), IClassFixture<SqliteApp>;
public sealed class NetworkTestsOnPostgres(PostgresApp app) : NetworkTests(app), IClassFixture<PostgresApp>;

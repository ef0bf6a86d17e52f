using Haven.Core.CaseNotes;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// On SQLite the chronology's checks (which sources have rows, how many notes) are kept per child
/// (ChronologyCheckCache). A kept answer that missed a save would drop the new events, or page the
/// notes by an old count, without a trace: every kind of change must show at the next view.
public abstract class ChronologyCheckCacheTests(HavenApp app)
{
    [Fact]
    public async Task PageAsync_AfterANoteAnAddressADeletionOrAChangeInSql_ShowsItAtTheNextView()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Cara"; c.LastName = "Checkwell"; c.AllocatedTo = worker; });
        var cache = app.Services.GetRequiredService<ChronologyCheckCache>();
        async Task<ChronologyPage> ViewAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ChronologyBuilder>().PageAsync(child, null, 1, 50);
        }

        var first = await ViewAsync();
        Assert.DoesNotContain(first.Items, i => i.Category is "Case notes" or "Address");
        var reads = cache.Reads;
        Assert.Equal(first.Items, (await ViewAsync()).Items);
        if (app.Provider == DatabaseProvider.Sqlite) Assert.Equal(reads, cache.Reads); // kept

        // A case note (a row carrying the child's id): shown, and counted.
        var noteId = await app.Data.WithDbAsync(async db =>
        {
            var note = new CaseNote
            {
                ChildId = child, Type = CaseNoteType.HomeVisit, EventAt = DateTime.UtcNow.AddHours(-1), RecordedAt = DateTime.UtcNow,
                AuthorWorkerId = worker.WorkerId, Subject = "Checkwell home visit", Body = "Seen at home.",
            };
            db.CaseNotes.Add(note);
            await db.SaveChangesAsync();
            return note.Id;
        });
        var withNote = await ViewAsync();
        Assert.Equal(first.Total + 1, withNote.Total);
        Assert.Contains(withNote.Items, i => i.Category == "Case notes" && i.Title.Contains("Checkwell home visit", StringComparison.Ordinal));

        // An address (a row that names the person, not a ChildId): every child's checks go.
        await app.Data.WithDbAsync(db =>
        {
            db.PersonAddresses.Add(new PersonAddress
            {
                PersonId = child, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3),
                Address = new Address { Line1 = "1 Checkwell Road", Town = "Havenbridge", Postcode = "HB1 1AA" },
            });
            return db.SaveChangesAsync();
        });
        var withAddress = await ViewAsync();
        Assert.Contains(withAddress.Items, i => i.Category == "Address");
        Assert.Equal(withNote.Total + 1, withAddress.Total);

        // The note deleted (soft, with a reason), then restored straight in SQL, as a script might.
        await app.Data.WithDbAsync(async db =>
        {
            var note = await db.CaseNotes.SingleAsync(n => n.Id == noteId);
            (note.DeletedAt, note.DeletedByWorkerId, note.DeletionReason) = (DateTime.UtcNow, worker.WorkerId, "Recorded on the wrong child");
            return await db.SaveChangesAsync();
        });
        Assert.Equal(withAddress.Total - 1, (await ViewAsync()).Total);
        await app.Data.WithDbAsync(db => db.CaseNotes.IgnoreQueryFilters().Where(n => n.Id == noteId)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.DeletedAt, (DateTime?)null)));
        Assert.Equal(withAddress.Total, (await ViewAsync()).Total);
    }
}

public sealed class ChronologyCheckCacheTestsOnSqlite(SqliteApp app) : ChronologyCheckCacheTests(app), IClassFixture<SqliteApp>;
public sealed class ChronologyCheckCacheTestsOnPostgres(PostgresApp app) : ChronologyCheckCacheTests(app), IClassFixture<PostgresApp>;

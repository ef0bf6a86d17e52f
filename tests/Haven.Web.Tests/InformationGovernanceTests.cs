using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.Access;
using Haven.Core.InformationGovernance;
using Haven.Core.Involvements;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Subject access requests and retention, through the pages and the CLI, on both databases.
public abstract class InformationGovernanceTests(HavenApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<(TestWorker Worker, int ChildId, int ParentId)> FamilyAsync(bool restricted = false)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var surname = $"Okafor{Guid.NewGuid():N}"[..14];
        var child = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = "Ngozi"; c.LastName = surname; c.AllocatedTo = worker; c.Restricted = restricted;
            c.WithNote("Home visit", "Ngozi talked about school and her rabbit. Ada was asleep upstairs.");
        });
        var sibling = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = "Chidi"; c.LastName = surname; c.AllocatedTo = worker;
            c.WithNote("Visit", $"Chidi was at home with Ada {surname}, who had been drinking.");
        });
        var parent = await app.Data.WithDbAsync(async db =>
        {
            var p = new Person { Kind = PersonKind.Adult, FirstName = "Ada", LastName = surname, DateOfBirth = new DateOnly(1988, 2, 2), RecordedAt = DateTime.UtcNow };
            db.People.Add(p);
            await db.SaveChangesAsync();
            db.Relationships.Add(new Relationship { PersonId = child, RelatedPersonId = p.Id, Type = RelationshipType.Mother, HasParentalResponsibility = true, RecordedAt = DateTime.UtcNow });
            db.Relationships.Add(new Relationship { PersonId = child, RelatedPersonId = sibling, Type = RelationshipType.Sibling, RecordedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return p.Id;
        });
        return (worker, child, parent);
    }

    private async Task<HttpClient> OfficerAsync(TestWorker? officer = null)
    {
        officer ??= await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance);
        var client = app.NewClient();
        await client.SignInAsync(officer.UserName);
        return client;
    }

    private async Task<int> RecordRequestAsync(HttpClient client, int subject, string kind = "DataSubject", string? authority = null)
    {
        var response = await client.SubmitAsync("/information-governance/subject-access/new", new Dictionary<string, string>
        {
            ["Subject"] = HavenIds.Format(subject), ["RequesterName"] = "Ngozi", ["RequesterKind"] = kind, ["Authority"] = authority ?? "",
            ["IdentityCheck"] = "Passport seen at the contact centre", ["Scope"] = "Everything",
            ["ReceivedOn.Day"] = Today.AddDays(-3).Day.ToString(), ["ReceivedOn.Month"] = Today.AddDays(-3).Month.ToString(), ["ReceivedOn.Year"] = Today.AddDays(-3).Year.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    [Fact]
    public async Task Post_NewRequest_WithMissingAnswers_ShowsEachErrorAndSavesNothing()
    {
        var client = await OfficerAsync();
        var before = await app.Data.WithDbAsync(db => db.SubjectAccessRequests.CountAsync());

        var response = await client.SubmitAsync("/information-governance/subject-access/new", new Dictionary<string, string>
        {
            ["Subject"] = "not an id", ["RequesterName"] = "", ["RequesterKind"] = "ParentWithParentalResponsibility", ["IdentityCheck"] = "", ["Scope"] = "",
            ["ReceivedOn.Day"] = "1", ["ReceivedOn.Month"] = "1", ["ReceivedOn.Year"] = (Today.Year + 1).ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await Pages.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter a Haven ID", summary);
        Assert.Contains("Enter the name of the person making the request", summary);
        Assert.Contains("Enter the authority", summary);
        Assert.Contains("Enter how the requester's identity was checked", summary);
        Assert.Contains("The date received must be today or in the past", summary);
        Assert.Equal(before, await app.Data.WithDbAsync(db => db.SubjectAccessRequests.CountAsync()));
    }

    [Fact]
    public async Task Release_GathersEveryRecordNamingTheChild_RestrictedIncluded_MarksThirdParties_KeepsACopy_AndLogsIt()
    {
        var (_, child, parent) = await FamilyAsync(restricted: true);
        var client = await OfficerAsync();
        var requestId = await RecordRequestAsync(client, child);

        var page = await client.GetPageAsync($"/information-governance/subject-access/{requestId}");
        // Code names read as words on the page ("CaseNote", "RelatedPersonId"); the bundle keeps the code names.
        Assert.Contains("Case note", page.QuerySelector("#sections")!.TextContent);
        Assert.Contains("Relationship", page.QuerySelector("#sections")!.TextContent);
        Assert.Contains("Related person", page.QuerySelector("#sections")!.TextContent);
        Assert.DoesNotContain("CaseNote", page.QuerySelector("#sections")!.TextContent);
        Assert.Contains($"{HavenIds.Format(parent)} Ada", page.QuerySelector("#third-parties")!.TextContent);

        var form = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Release']")!;
        var download = await client.PostFormAsync(form, new Dictionary<string, string>());
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        using var json = JsonDocument.Parse(bytes);
        var sections = json.RootElement.GetProperty("bundle").GetProperty("Sections").EnumerateArray().ToList();
        var notes = sections.Single(s => s.GetProperty("Record").GetString() == "CaseNote").GetProperty("Rows");
        var note = Assert.Single(notes.EnumerateArray());
        Assert.Contains("rabbit", note.GetProperty("Values").GetProperty("Body").GetString());
        Assert.True(note.GetProperty("ReviewForRedaction").GetBoolean());
        // Passage by passage: only the sentence naming her mother is for redaction review.
        var passages = note.GetProperty("Passages").EnumerateArray().Where(p => p.GetProperty("Column").GetString() == "Body").ToList();
        Assert.Equal([false, true], passages.Select(p => p.GetProperty("ReviewForRedaction").GetBoolean()));
        Assert.Equal("Ada was asleep upstairs.", passages[1].GetProperty("Text").GetString());
        Assert.StartsWith("Ada Okafor", passages[1].GetProperty("Names")[0].GetString());
        Assert.Equal("1", page.QuerySelector("#passages")!.TextContent);
        var relationships = sections.Single(s => s.GetProperty("Record").GetString() == "Relationship").GetProperty("Rows").EnumerateArray().ToList();
        Assert.Equal(2, relationships.Count);
        Assert.All(relationships, r => Assert.Single(r.GetProperty("OtherPeople").EnumerateArray()));

        var release = await app.Data.WithDbAsync(db => db.SubjectAccessReleases.SingleAsync(r => r.RequestId == requestId));
        Assert.Equal(bytes, release.Bundle);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), release.Sha256);
        Assert.True(await app.Data.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.ChildId == child && e.Action == AccessAction.Export && e.Detail!.Contains(release.Sha256))));

        // The kept copy is the same bytes, whatever changes later.
        await app.Data.WithDbAsync(async db =>
        {
            (await db.CaseNotes.FirstAsync(n => n.ChildId == child)).PeopleSeen = "changed later";
            return await db.SaveChangesAsync();
        });
        var copy = await client.GetAsync($"/information-governance/subject-access/{requestId}?handler=Copy&releaseId={release.Id}");
        Assert.Equal(bytes, await copy.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Gather_ForAParent_FindsTheRelationshipAndMentionsOnTheirChildrensNotes()
    {
        var (_, _, parent) = await FamilyAsync();
        var bundle = await app.Data.WithDbAsync(db => SubjectAccessGatherer.GatherAsync(db, parent, DateTime.UtcNow));

        Assert.NotNull(bundle);
        Assert.Contains(bundle.Sections, s => s.Record == "Relationship" && s.Rows.Count == 1);
        var mention = Assert.Single(Assert.Single(bundle.Mentions).Rows);
        Assert.Contains("had been drinking", (string)mention.Values["Body"]!);
        Assert.True(mention.ReviewForRedaction);
    }

    [Fact]
    public async Task CliRelease_WritesTheBundle_AndRefusesSomeoneWhoIsNotAnOfficer()
    {
        var (worker, child, _) = await FamilyAsync();
        var officer = await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance);
        var requestId = await RecordRequestAsync(await OfficerAsync(officer), child);
        var file = Path.Combine(Path.GetTempPath(), $"sar-{Guid.NewGuid():N}.json");
        try
        {
            var (refused, _, refusedError) = await app.RunCliAsync("subject-access", "release", "--request", requestId.ToString(), "--user", worker.UserName, "--out", file);
            Assert.Equal(2, refused);
            Assert.Contains("is not an information governance officer", refusedError);
            Assert.False(File.Exists(file));

            var (exit, output, _) = await app.RunCliAsync("subject-access", "release", "--request", requestId.ToString(), "--user", officer.UserName, "--out", file);
            Assert.Equal(0, exit);
            Assert.Contains("Released", output);
            Assert.Contains("rabbit", await File.ReadAllTextAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Extend_MovesTheDeadlineToThreeMonthsFromReceipt()
    {
        var (_, child, _) = await FamilyAsync();
        var client = await OfficerAsync();
        var requestId = await RecordRequestAsync(client, child);
        var page = await client.GetPageAsync($"/information-governance/subject-access/{requestId}");

        var response = await client.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Extend']")!, new Dictionary<string, string> { ["ExtensionReason"] = "Twelve years in care; several thousand pages" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await app.Data.WithDbAsync(db => db.SubjectAccessRequests.SingleAsync(r => r.Id == requestId));
        Assert.Equal(request.ReceivedOn.AddMonths(3), request.DueOn);
    }

    [Fact]
    public async Task Pages_ForEveryOtherRole_AreForbidden_AndNotInTheirNavigation()
    {
        var requestId = await RecordRequestAsync(await OfficerAsync(), (await FamilyAsync()).ChildId);
        string[] pages = ["/information-governance", "/information-governance/subject-access/new", $"/information-governance/subject-access/{requestId}",
            "/information-governance/retention"];
        foreach (var role in Enum.GetValues<HavenRole>().Where(r => r != HavenRole.InformationGovernance))
        {
            var worker = await app.Data.CreateWorkerAsync(role, (await app.Data.CreateTeamAsync()).TeamId);
            var client = app.NewClient();
            await client.SignInAsync(worker.UserName);
            foreach (var url in pages)
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403"),
                    $"{role} GET {url} returned {(int)response.StatusCode} {response.Headers.Location}");
            }
            var release = await client.PostAsync($"/information-governance/subject-access/{requestId}?handler=Release", new FormUrlEncodedContent(new Dictionary<string, string>()));
            Assert.NotEqual(HttpStatusCode.OK, release.StatusCode);
            Assert.DoesNotContain("Information governance", await (await client.GetAsync("/")).Content.ReadAsStringAsync());
        }
        Assert.Empty(await app.Data.WithDbAsync(db => db.SubjectAccessReleases.Where(r => r.RequestId == requestId).ToListAsync()));
    }

    private async Task<int> OldChildAsync(InvolvementKind kind, DateOnly born, DateOnly ended)
    {
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);
        var id = await app.Data.CreateChildAsync(c => { c.DateOfBirth = born; c.AllocatedTo = worker; c.WithNote("Closing summary", "Case closed.", at: ended.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)); });
        await app.Data.WithDbAsync(async db =>
        {
            db.Involvements.Add(new Involvement { ChildId = id, Kind = kind, StartDate = ended.AddYears(-1), EndDate = ended, RecordedAt = DateTime.UtcNow });
            (await db.People.SingleAsync(p => p.Id == id)).RecordedAt = ended.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task Retention_PastItsDate_ProposedByOne_RefusedToTheSame_DestroyedByASecond_FactKept()
    {
        var expired = await OldChildAsync(InvolvementKind.EarlyHelp, new DateOnly(1960, 1, 1), new DateOnly(1975, 6, 1));
        var lookedAfter = await OldChildAsync(InvolvementKind.InCare, new DateOnly(1960, 1, 1), new DateOnly(1975, 6, 1));
        var first = await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance);
        var second = await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance);
        var one = await OfficerAsync(first);

        var page = await one.GetPageAsync("/information-governance/retention");
        var due = page.QuerySelector("#due")!.TextContent;
        Assert.Contains(HavenIds.Format(expired), due);
        Assert.DoesNotContain(HavenIds.Format(lookedAfter) + " ", due); // kept to the 75th birthday (2035)
        var propose = page.QuerySelectorAll<IHtmlFormElement>("#due form").Single(f => f.QuerySelector("input[name=PersonId]")!.GetAttribute("value") == expired.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await one.PostFormAsync(propose, new Dictionary<string, string> { ["Reason"] = "Early help record past date of birth + 25" })).StatusCode);

        var pending = await one.GetPageAsync("/information-governance/retention");
        var decision = await app.Data.WithDbAsync(db => db.DestructionDecisions.SingleAsync(d => d.HavenNumber == expired));
        var approveOwn = await one.PostFormAsync(pending.QuerySelector<IHtmlFormElement>($"#decision-{decision.Id} form")!, new Dictionary<string, string>());
        Assert.Contains("A second officer must approve", (await Pages.ParseAsync(approveOwn)).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.True(await app.Data.WithDbAsync(db => db.People.AnyAsync(p => p.Id == expired)));

        var two = await OfficerAsync(second);
        var secondPage = await two.GetPageAsync("/information-governance/retention");
        Assert.Equal(HttpStatusCode.Redirect, (await two.PostFormAsync(secondPage.QuerySelector<IHtmlFormElement>($"#decision-{decision.Id} form")!, new Dictionary<string, string>())).StatusCode);

        Assert.False(await app.Data.WithDbAsync(db => db.People.IgnoreQueryFilters().AnyAsync(p => p.Id == expired)));
        Assert.False(await app.Data.WithDbAsync(db => db.CaseNotes.IgnoreQueryFilters().AnyAsync(n => n.ChildId == expired)));
        Assert.False(await app.Data.WithDbAsync(db => db.Involvements.AnyAsync(i => i.ChildId == expired)));
        Assert.False(await app.Data.WithDbAsync(db => db.Allocations.AnyAsync(a => a.ChildId == expired)));
        var done = await app.Data.WithDbAsync(db => db.DestructionDecisions.SingleAsync(d => d.Id == decision.Id));
        Assert.Equal(second.WorkerId, done.ApprovedByWorkerId);
        Assert.True(done.RowsDestroyed >= 4);
        Assert.True(await app.Data.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.ChildId == expired && e.Action == AccessAction.Destroy)));
        Assert.True(await app.Data.WithDbAsync(db => db.People.AnyAsync(p => p.Id == lookedAfter)));
        Assert.Equal(0, (await app.RunCliAsync("audit", "verify")).Exit);
    }

    [Fact]
    public async Task Retention_ProposeAndDestroy_CheckOnlyThatChild_AndAgreeWithTheReviewList()
    {
        var expired = await OldChildAsync(InvolvementKind.ChildInNeed, new DateOnly(1950, 1, 1), new DateOnly(1968, 6, 1));
        var current = await OldChildAsync(InvolvementKind.InCare, new DateOnly(1990, 1, 1), new DateOnly(2008, 6, 1));
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RetentionService>(scope.ServiceProvider);
        var list = await service.DueAsync();
        Assert.Equal(list.Single(d => d.PersonId == expired).KeepUntil, (await service.DueForAsync(expired))!.KeepUntil);
        Assert.Null(await service.DueForAsync(current));
        Assert.DoesNotContain(list, d => d.PersonId == current);
        var officer = new CurrentWorker("x", (await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance)).WorkerId, HavenRole.InformationGovernance, null, null, "x");
        Assert.StartsWith("These records are not past", await service.ProposeAsync(current, "Past retention", officer));
        Assert.Null(await service.ProposeAsync(expired, "Past retention", officer));
        Assert.Equal("Destruction of these records has already been proposed", await service.ProposeAsync(expired, "Again", officer));
    }

    /// Destruction follows rows that point at destroyed rows through a plain integer column (no
    /// foreign key) as well as through foreign keys: after it, no such column points at a row that was destroyed.
    [Fact]
    public async Task Retention_Destroy_LeavesNoRowPointingAtADestroyedRow_ThroughAPlainColumn()
    {
        var plain = RetentionService.PlainReferences(await app.Data.WithDbAsync(db => Task.FromResult(db.Model)));
        Assert.NotEmpty(plain);
        Assert.DoesNotContain(plain, r => r.Column.IsForeignKey());
        var expired = await OldChildAsync(InvolvementKind.ChildInNeed, new DateOnly(1950, 1, 1), new DateOnly(1968, 6, 1));
        // A row about the child's involvement that names it only by a plain column: a period of care's InvolvementId,
        // and an amendment-like dependent of a destroyed row (the plain reference list decides which).
        var involvementId = await app.Data.WithDbAsync(db => db.Involvements.Where(i => i.ChildId == expired).Select(i => i.Id).SingleAsync());
        // Another child's record that points at the expired child's involvement only through a plain
        // InvolvementId column (no foreign key, and no ChildId of the expired child): only the
        // plain-column rule can find it. It must survive, its pointer cleared.
        Assert.Contains(plain, r => r.Dependent.ClrType == typeof(Haven.Core.ChildrenLookedAfter.PeriodOfCare) && r.Column.Name == "InvolvementId");
        var kept = await app.Data.CreateChildAsync();
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager);
        var pointer = await app.Data.WithDbAsync(async db =>
        {
            var period = new Haven.Core.ChildrenLookedAfter.PeriodOfCare
            {
                ChildId = kept, DecisionDate = new DateOnly(2024, 1, 1), AuthorisedByWorkerId = manager.WorkerId, DecisionReason = "Test",
                StartDate = new DateOnly(2024, 1, 1), CategoryOfNeedCode = "N1", HomePostcode = "AB1 2CD", InvolvementId = involvementId, RecordedAt = DateTime.UtcNow,
            };
            db.PeriodsOfCare.Add(period);
            await db.SaveChangesAsync();
            return period.Id;
        });
        var before = new Dictionary<string, List<int>>();
        foreach (var (_, _, principal) in plain.DistinctBy(r => r.Principal))
            before[principal.Name] = await app.Data.WithDbAsync(db => IdsAsync(db, principal));

        var first = new CurrentWorker("a", (await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance)).WorkerId, HavenRole.InformationGovernance, null, null, "a");
        var second = new CurrentWorker("b", (await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance)).WorkerId, HavenRole.InformationGovernance, null, null, "b");
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services))
        {
            var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RetentionService>(scope.ServiceProvider);
            Assert.Null(await service.ProposeAsync(expired, "Past retention", first));
            var decision = await app.Data.WithDbAsync(db => db.DestructionDecisions.SingleAsync(d => d.HavenNumber == expired));
            Assert.Null(await service.ApproveAndDestroyAsync(decision.Id, decision.Version, second));
        }
        Assert.False(await app.Data.WithDbAsync(db => db.Involvements.AnyAsync(i => i.Id == involvementId)));
        var survivor = await app.Data.WithDbAsync(db => db.PeriodsOfCare.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pointer));
        Assert.NotNull(survivor);
        Assert.Null(survivor.InvolvementId);
        foreach (var (dependent, column, principal) in plain)
        {
            var after = await app.Data.WithDbAsync(db => IdsAsync(db, principal));
            var destroyed = before[principal.Name].Except(after).ToHashSet();
            if (destroyed.Count == 0) continue;
            var pointing = await app.Data.WithDbAsync(db => ColumnValuesAsync(db, dependent, column));
            Assert.False(pointing.Any(destroyed.Contains), $"{dependent.GetTableName()}.{column.Name} still points at destroyed {principal.GetTableName()} rows");
        }
    }

    private static async Task<List<int>> IdsAsync(Haven.Core.Data.HavenDbContext db, Microsoft.EntityFrameworkCore.Metadata.IEntityType type) =>
        await ColumnValuesAsync(db, type, type.FindPrimaryKey()!.Properties[0]);

    private static async Task<List<int>> ColumnValuesAsync(Haven.Core.Data.HavenDbContext db, Microsoft.EntityFrameworkCore.Metadata.IEntityType type, Microsoft.EntityFrameworkCore.Metadata.IProperty column)
    {
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var name = sql.DelimitIdentifier(column.GetColumnName(table)!);
        command.CommandText = $"SELECT {name} FROM {sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema())} WHERE {name} IS NOT NULL";
        var values = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(Convert.ToInt32(reader.GetValue(0)));
        return values;
    }

    [Fact]
    public async Task Retention_UnderALegalHold_CannotBeProposed()
    {
        var held = await OldChildAsync(InvolvementKind.ChildInNeed, new DateOnly(1955, 1, 1), new DateOnly(1972, 6, 1));
        var client = await OfficerAsync();
        var page = await client.GetPageAsync("/information-governance/retention");
        var hold = await client.PostFormAsync(page.QuerySelector<IHtmlFormElement>("form[action*='handler=Hold']")!, new Dictionary<string, string>
        {
            ["HoldSubject"] = HavenIds.Format(held), ["HoldReason"] = "Civil claim against the council", ["HoldOwner"] = "Legal services",
            ["HoldReviewOn.Day"] = "1", ["HoldReviewOn.Month"] = "1", ["HoldReviewOn.Year"] = (Today.Year + 1).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, hold.StatusCode);

        var after = await client.GetPageAsync("/information-governance/retention");
        var row = after.QuerySelectorAll("#due tr").Single(r => r.TextContent.Contains(HavenIds.Format(held) + " "));
        Assert.Contains("On hold", row.TextContent);
        Assert.Null(row.QuerySelector<IHtmlFormElement>("form"));
        var officer = new CurrentWorker("x", (await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance)).WorkerId, HavenRole.InformationGovernance, null, null, "x");
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RetentionService>(scope.ServiceProvider);
        Assert.StartsWith("These records are under a legal hold", await service.ProposeAsync(held, "Past retention", officer));
    }
}

public sealed class InformationGovernanceTestsOnSqlite(SqliteApp app) : InformationGovernanceTests(app), IClassFixture<SqliteApp>;
public sealed class InformationGovernanceTestsOnPostgres(PostgresApp app) : InformationGovernanceTests(app), IClassFixture<PostgresApp>;

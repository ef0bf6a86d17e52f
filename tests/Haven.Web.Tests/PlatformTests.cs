using AngleSharp.Dom;
using Haven.Core.Access;
using Haven.Core.CaseNotes;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// The platform through HTTP as its users meet it. Each test runs on SQLite and on PostgreSQL.
public abstract class PlatformTests(HavenApp app)
{
    private async Task<(TestWorker Worker, int TeamId, int ServiceId)> SocialWorkerAsync()
    {
        var (serviceId, teamId) = await app.Data.CreateTeamAsync();
        return (await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId), teamId, serviceId);
    }

    [Fact]
    public async Task Get_Health_WhenMigrated_Returns200()
    {
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_MyWork_WhenSignedOut_RedirectsToSignIn()
    {
        var response = await app.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_About_WhenSignedIn_ShowsWorkerTeamAndDatabase()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var doc = await client.GetPageAsync("/about");

        var text = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("Social worker", text);
        Assert.Contains(app is PostgresApp ? "PostgreSQL" : "SQLite", text);
        Assert.DoesNotContain("No team", text);
    }

    [Fact]
    public async Task Post_SignIn_WithWrongPassword_ShowsErrorWithoutSayingWhichWasWrong()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var response = await app.NewClient().SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["UserName"] = worker.UserName, ["Password"] = "wrong-password-123" });
        var doc = await Pages.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a correct username and password", doc.ErrorMessages());
    }

    [Fact]
    public async Task Post_SignIn_AfterFiveFailures_LocksTheAccount()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
            await client.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["UserName"] = worker.UserName, ["Password"] = "wrong-password-123" });
        var response = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["UserName"] = worker.UserName, ["Password"] = HavenApp.Password });
        var doc = await Pages.ParseAsync(response);
        Assert.Contains(doc.ErrorMessages(), m => m.Contains("locked"));
    }

    [Fact]
    public async Task Get_AnyPage_HasSecurityHeaders()
    {
        var response = await app.NewClient().GetAsync("/account/sign-in");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Post_SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        var response = await app.NewClient().PostAsync("/account/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "x", ["Password"] = "y" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_MyWork_ShowsAllocatedChildrenAndOverdueItemsSoonestFirst()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cp = await app.Data.CreateChildAsync(c => { c.FirstName = "Poppy"; c.AllocatedTo = worker; c.Involvements.Add((InvolvementKind.ChildProtection, today.AddMonths(-4))); });
        var cin = await app.Data.CreateChildAsync(c => { c.FirstName = "Oscar"; c.AllocatedTo = worker; c.Involvements.Add((InvolvementKind.ChildInNeed, today.AddDays(-3))); });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var doc = await client.GetPageAsync("/");

        var rows = doc.QuerySelectorAll("#due tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Poppy") && r.Contains("Child protection visit") && r.Contains("Overdue"));
        Assert.Contains(rows, r => r.Contains("Oscar") && r.Contains("Child in need visit") && !r.Contains("Overdue"));
        Assert.True(rows.FindIndex(r => r.Contains("Poppy")) < rows.FindIndex(r => r.Contains("Oscar")), "overdue items come first");
        Assert.Equal(2, doc.QuerySelectorAll("#children tbody tr").Length);
    }

    [Fact]
    public async Task Get_MyWork_ForAnUnbornChild_ShowsTheConferenceButNoVisits()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.Data.CreateChildAsync(c => { c.FirstName = "Baby"; c.DateOfBirth = null; c.ExpectedDateOfBirth = today.AddMonths(2); c.AllocatedTo = worker;
            c.Involvements.Add((InvolvementKind.ChildProtection, today.AddMonths(-1))); });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var rows = (await client.GetPageAsync("/")).QuerySelectorAll("#due tbody tr").Select(r => r.TextContent).ToList();

        Assert.Contains(rows, r => r.Contains("First child protection review conference"));
        Assert.DoesNotContain(rows, r => r.Contains("visit"));
    }

    [Fact]
    public async Task Get_Team_AsTeamManager_ShowsCaseloadsAndOverdue()
    {
        var (worker, teamId, _) = await SocialWorkerAsync();
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.Data.CreateChildAsync(c => { c.FirstName = "Ivy"; c.AllocatedTo = worker; c.Involvements.Add((InvolvementKind.ChildProtection, today.AddMonths(-5))); });
        var client = app.NewClient();
        await client.SignInAsync(manager.UserName);

        var doc = await client.GetPageAsync("/team");

        var row = doc.QuerySelectorAll("#caseloads tbody tr").Single(r => r.TextContent.Contains("Social worker"));
        Assert.Contains("1", row.QuerySelectorAll("td")[2].TextContent);
        Assert.Contains(doc.QuerySelectorAll("#overdue tbody tr"), r => r.TextContent.Contains("Ivy"));
    }

    [Fact]
    public async Task Get_Team_AsSocialWorker_IsForbidden()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var response = await client.GetAsync("/team");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/error/403", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Get_FindAChild_ToleratesMisspellingReversalNicknamesAndHyphens()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "William"; c.LastName = "Fairweather-Okafor"; c.AllocatedTo = worker; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        foreach (var query in new[] { "William Fairweather-Okafor", "Okafor William", "Bill Okafor", "Wiliam Fairwether", "fairweather", "Fairweather Okafor" })
        {
            var doc = await client.GetPageAsync("/children?q=" + Uri.EscapeDataString(query));
            Assert.True(doc.QuerySelector($"a[href='/children/{id}']") is not null, $"'{query}' should find the child");
        }
    }

    [Fact]
    public async Task Get_FindAChild_ByNhsNumberDateOfBirthAndHavenId()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => { c.LastName = "Quennell"; c.NhsNumber = "9434765919"; c.DateOfBirth = new DateOnly(2016, 2, 29); c.AllocatedTo = worker; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        foreach (var query in new[] { "943 476 5919", "Quennell 29/02/2016", $"H{id}" })
        {
            var doc = await client.GetPageAsync("/children?q=" + Uri.EscapeDataString(query));
            Assert.True(doc.QuerySelector($"a[href='/children/{id}']") is not null, $"'{query}' should find the child");
        }
    }

    [Fact]
    public async Task Get_FindAChild_RestrictedRecordIsInvisibleToOthersButNotToItsAccessList()
    {
        var (worker, teamId, _) = await SocialWorkerAsync();
        var colleague = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var mash = await app.Data.CreateWorkerAsync(HavenRole.MashWorker);
        var id = await app.Data.CreateChildAsync(c => { c.LastName = "Restrictedname"; c.Restricted = true; c.AllocatedTo = worker; c.AccessList.Add(worker); });

        foreach (var (user, visible) in new[] { (worker, true), (colleague, false), (mash, false) })
        {
            var client = app.NewClient();
            await client.SignInAsync(user.UserName);
            var doc = await client.GetPageAsync("/children?q=Restrictedname");
            Assert.Equal(visible, doc.QuerySelector($"a[href='/children/{id}']") is not null);
            Assert.Equal(visible ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync($"/children/{id}")).StatusCode);
        }
    }

    public static readonly string[] ChildPages = ["", "/chronology", "/notes", "/notes/add", "/relationships", "/details"];

    [Fact]
    public async Task Get_EveryChildPage_WithoutAccess_Returns403AndLogsTheAttempt()
    {
        var (owner, _, _) = await SocialWorkerAsync();
        var (outsider, _, _) = await SocialWorkerAsync(); // another service entirely
        var id = await app.Data.CreateChildAsync(c => { c.AllocatedTo = owner; c.WithNote("Private"); });
        var noteId = await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.ChildId == id).Select(n => n.Id).FirstAsync());
        var client = app.NewClient();
        await client.SignInAsync(outsider.UserName);

        foreach (var page in ChildPages.Append($"/notes/{noteId}"))
        {
            var response = await client.GetAsync($"/children/{id}{page}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Private", await response.Content.ReadAsStringAsync());
        }
        var denied = await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.ChildId == id && e.WorkerId == outsider.WorkerId && e.Action == AccessAction.Denied));
        Assert.Equal(ChildPages.Length + 1, denied);
    }

    [Fact]
    public async Task Get_ChildThatDoesNotExist_LooksTheSameAsNoAccess()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var response = await client.GetAsync("/children/99999999");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_ChildRecord_IsWrittenToTheAccessLog()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        foreach (var page in ChildPages) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{id}{page}")).StatusCode);

        var views = await app.Data.WithDbAsync(db => db.AccessLog.Where(e => e.ChildId == id && e.Action == AccessAction.View).Select(e => e.Resource).ToListAsync());
        foreach (var page in ChildPages) Assert.Contains($"GET /children/{id}{page}", views);
    }

    [Fact]
    public async Task AccessLog_ManyWritersAtOnce_EveryEntryIsCommittedInOneUnbrokenChain()
    {
        // Arrange: writers that share commits (group commit) must still each get their own entry,
        // in one linear chain, and return only once it is committed.
        var log = app.Services.GetRequiredService<AccessLog>();
        var marker = Guid.NewGuid().ToString("N");
        var commitsBefore = log.Commits;

        // Act
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await log.WriteAsync(new AccessEvent("group-commit-test", null, AccessAction.View, null, $"GET /{marker}/{i}"));
            // Committed before WriteAsync returns: a fresh context sees it at once.
            Assert.Equal(1, await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Resource == $"GET /{marker}/{i}")));
        })));

        // Assert
        var resources = await app.Data.WithDbAsync(db => db.AccessLog.Where(e => e.Resource.StartsWith($"GET /{marker}/")).Select(e => e.Resource).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"GET /{marker}/{i}").Order(), resources.Order());
        Assert.InRange(log.Commits - commitsBefore, 1, 40);
        var chain = await app.Data.WithDbAsync(db => AccessLogVerifier.VerifyAsync(db));
        Assert.True(chain.IsValid, chain.Problem);
    }

    [Fact]
    public async Task AccessLog_NotesWrittenWithTheirEntries_ManyAtOnce_EveryNoteLandsWithItsEntryInOneChain()
    {
        // Arrange: notes saved in the access log's transaction (WriteWithAsync) by many writers at
        // once, mixed with plain entries, and two repeats of a submission already saved (refused by
        // the unique index on SubmissionId) in among them.
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var log = app.Services.GetRequiredService<AccessLog>();
        var marker = Guid.NewGuid().ToString("N");
        var repeated = Guid.NewGuid();
        CaseNote Note(string subject, Guid submission) => new()
        {
            ChildId = id, Type = CaseNoteType.PhoneCall, EventAt = DateTime.UtcNow.AddHours(-1), RecordedAt = DateTime.UtcNow,
            AuthorWorkerId = worker.WorkerId, Subject = subject, Body = "Written by the group-commit test.", SubmissionId = submission,
        };
        AccessEvent Change(string what) => new(worker.UserName, worker.WorkerId, AccessAction.Change, id, $"POST /{marker}/{what}");
        var first = Note($"{marker} first", repeated);
        await log.WriteWithAsync(Change("first"), [first]);
        var commitsBefore = log.Commits;

        // Act
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, 42).Select(i => Task.Run(async () =>
        {
            if (i % 4 == 3) await log.WriteAsync(new AccessEvent("group-commit-test", null, AccessAction.View, id, $"GET /{marker}/{i}"));
            else if (i is 10 or 30)
            {
                var again = Note($"{marker} repeat {i}", repeated);
                await Assert.ThrowsAnyAsync<DbUpdateException>(() => log.WriteWithAsync(Change($"repeat {i}"), [again]));
                Interlocked.Increment(ref refused);
            }
            else
            {
                var note = Note($"{marker} {i}", Guid.NewGuid());
                await log.WriteWithAsync(Change($"{i}"), [note]);
                // Committed with its entry before WriteWithAsync returns: a fresh context sees both.
                Assert.True(note.Id > 0);
                Assert.Equal($"{marker} {i}", await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.Id == note.Id).Select(n => n.Subject).SingleAsync()));
                Assert.Equal(1, await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Resource == $"POST /{marker}/{i}")));
            }
        })));

        // Assert: every new note once, each with its change entry; the repeats added no note but were logged.
        var written = Enumerable.Range(0, 42).Where(i => i % 4 != 3 && i is not (10 or 30)).ToList();
        var subjects = await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.ChildId == id).Select(n => n.Subject).ToListAsync());
        Assert.Equal(written.Select(i => $"{marker} {i}").Append($"{marker} first").Order(), subjects.Order());
        var entries = await app.Data.WithDbAsync(db => db.AccessLog.Where(e => e.Resource.StartsWith($"POST /{marker}/") || e.Resource.StartsWith($"GET /{marker}/")).Select(e => e.Resource).ToListAsync());
        Assert.Equal(42 + 1, entries.Count);
        Assert.Equal(2, refused);
        Assert.Contains($"POST /{marker}/repeat 10", entries);
        Assert.InRange(log.Commits - commitsBefore, 1, 42 + 2);
        var chain = await app.Data.WithDbAsync(db => AccessLogVerifier.VerifyAsync(db));
        Assert.True(chain.IsValid, chain.Problem);
    }

    /// HavenDbContext is pooled (HavenDatabase.AddHavenDatabase): a context handed back is reused, and
    /// comes back clean, whatever the last user left in it (tracked and changed rows, a tracking setting).
    [Fact]
    public async Task DbContext_HandedBack_IsReusedAndStartsClean()
    {
        // Arrange: a context that tracks a changed, unsaved team and was switched to no tracking.
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<Haven.Core.Data.HavenDbContext>>();
        var first = contexts.CreateDbContext();
        var team = await first.Teams.SingleAsync(t => t.Id == teamId);
        var name = team.Name;
        team.Name = "Changed and never saved";
        first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        await first.DisposeAsync();

        // Act: rent contexts until that one comes back (the pool hands them out in turn).
        var rented = new List<Haven.Core.Data.HavenDbContext>();
        try
        {
            for (var i = 0; i < 2000 && !rented.Any(c => ReferenceEquals(c, first)); i++) rented.Add(contexts.CreateDbContext());

            // Assert: it is the same object, with nothing tracked and the default tracking, and reads the saved name.
            var again = Assert.Single(rented, c => ReferenceEquals(c, first));
            Assert.Empty(again.ChangeTracker.Entries());
            Assert.Equal(QueryTrackingBehavior.TrackAll, again.ChangeTracker.QueryTrackingBehavior);
            Assert.Equal(name, (await again.Teams.SingleAsync(t => t.Id == teamId)).Name);
        }
        finally
        {
            foreach (var c in rented) await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task AccessLog_SeveralServersWritingAtOnce_EveryEntryLandsInOneUnbrokenChain()
    {
        // Arrange: eight writers as eight web servers on one database would have them (their own gate,
        // tail and anchor file), so their appends collide on the log's sequence and must be retried.
        var contexts = app.Services.GetRequiredService<IDbContextFactory<Haven.Core.Data.HavenDbContext>>();
        var folder = Directory.CreateTempSubdirectory("haven-servers-");
        var servers = Enumerable.Range(0, 8)
            .Select(s => new AccessLog(contexts, TimeProvider.System, new AccessLogAnchor(Path.Combine(folder.FullName, $"server{s}.anchor"))))
            .ToList();
        var marker = Guid.NewGuid().ToString("N");

        // Act: each server logs 30 views, many at once.
        await Task.WhenAll(servers.SelectMany((log, s) => Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            log.WriteAsync(new AccessEvent("several-servers-test", null, AccessAction.View, null, $"GET /{marker}/{s}/{i}"))))));

        // Assert: no view failed, each is in the log once, and the chain is unbroken.
        var resources = await app.Data.WithDbAsync(db => db.AccessLog.Where(e => e.Resource.StartsWith($"GET /{marker}/")).Select(e => e.Resource).ToListAsync());
        Assert.Equal(servers.SelectMany((_, s) => Enumerable.Range(0, 30).Select(i => $"GET /{marker}/{s}/{i}")).Order(), resources.Order());
        var chain = await app.Data.WithDbAsync(db => AccessLogVerifier.VerifyAsync(db));
        Assert.True(chain.IsValid, chain.Problem);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Database_OnSqlite_WaitsForTheWriteLockInsteadOfFailingBusy()
    {
        var timeout = await app.Data.WithDbAsync(async db =>
        {
            if (!db.Database.IsSqlite()) return Haven.Core.Data.SqliteBusyTimeout.Milliseconds;
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            return Convert.ToInt32(await command.ExecuteScalarAsync());
        });
        Assert.Equal(Haven.Core.Data.SqliteBusyTimeout.Milliseconds, timeout);
    }

    [Fact]
    public async Task Get_ChildSummary_ShowsWhoTheyAreWhereTheyLiveAndAlerts()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Maya"; c.KnownAs = "May"; c.AllocatedTo = worker; c.Involvements.Add((InvolvementKind.ChildProtection, new DateOnly(2026, 1, 5))); });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var doc = await client.GetPageAsync($"/children/{id}");

        Assert.Contains("Maya (May)", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll(".haven-alerts .govuk-tag"), t => t.TextContent.Contains("On a child protection plan"));
        Assert.Contains(worker.UserName.Length > 0 ? "Social worker" : "", doc.Body!.TextContent);
    }

    [Fact]
    public async Task Post_AddCaseNote_AppearsInNotesAndChronology()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var yesterday = DateTime.Now.AddDays(-1);

        var response = await client.SubmitAsync($"/children/{id}/notes/add", new Dictionary<string, string>
        {
            ["Type"] = "StatutoryVisit", ["EventDate.Day"] = yesterday.Day.ToString(), ["EventDate.Month"] = yesterday.Month.ToString(),
            ["EventDate.Year"] = yesterday.Year.ToString(), ["EventTime"] = "14:30", ["Subject"] = "Visit at home",
            ["Body"] = "Saw <script>alert(1)</script> in her room.", ["ChildSeen"] = "alone",
        });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await Pages.ParseAsync(response)).ErrorMessages()));
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.ChildId == id && e.Action == AccessAction.Change && e.Resource == $"POST /children/{id}/notes/add")));
        var notes = await client.GetPageAsync($"/children/{id}/notes");
        Assert.Contains(notes.QuerySelectorAll("#notes tbody tr"), r => r.TextContent.Contains("Visit at home") && r.TextContent.Contains("Seen alone"));
        var chronology = await client.GetPageAsync($"/children/{id}/chronology");
        Assert.Contains(chronology.QuerySelectorAll("#chronology tbody tr"), r => r.TextContent.Contains("Statutory visit: Visit at home"));
        var noteId = await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.ChildId == id).Select(n => n.Id).SingleAsync());
        var html = await (await client.GetAsync($"/children/{id}/notes/{noteId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Get_Chronology_OfABusyChild_ShowsAPageAtATimeAndEveryEventOnRequest()
    {
        // Arrange: 150 case notes (and the allocation), more than one page of the chronology.
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var start = DateTime.UtcNow.Date.AddDays(-200);
        await app.Data.WithDbAsync(async db =>
        {
            db.CaseNotes.AddRange(Enumerable.Range(1, 150).Select(i => new CaseNote
            {
                ChildId = id, Type = CaseNoteType.PhoneCall, EventAt = start.AddDays(i), RecordedAt = start.AddDays(i),
                AuthorWorkerId = worker.WorkerId, Subject = $"Call {i:000}", Body = "Spoke to mother.",
            }));
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        // Act
        var first = await client.GetPageAsync($"/children/{id}/chronology");
        var second = await client.GetPageAsync($"/children/{id}/chronology?page=2");
        var all = await client.GetPageAsync($"/children/{id}/chronology?all=true");
        var notesOnly = await client.GetPageAsync($"/children/{id}/chronology?type=Case+notes&page=2");

        // Assert: newest first, a page at a time, nothing lost between the pages.
        var allRows = all.QuerySelectorAll("#chronology tbody tr").Select(r => r.TextContent).ToList();
        var total = allRows.Count;
        Assert.InRange(total, 151, 199);
        var firstRows = first.QuerySelectorAll("#chronology tbody tr").Select(r => r.TextContent).ToList();
        var secondRows = second.QuerySelectorAll("#chronology tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(100, firstRows.Count);
        Assert.Contains("Call 150", firstRows[0]);
        Assert.Equal(total - 100, secondRows.Count);
        Assert.Contains(secondRows, r => r.Contains("Call 001"));
        Assert.Contains($"{total} events", first.Body!.TextContent);
        Assert.NotNull(first.QuerySelector("nav.govuk-pagination"));
        Assert.Equal(firstRows.Concat(secondRows), allRows);
        Assert.Null(all.QuerySelector("nav.govuk-pagination"));
        // The filter is kept across pages: page 2 of the case notes alone is the 50 oldest calls.
        Assert.Equal(50, notesOnly.QuerySelectorAll("#chronology tbody tr").Length);
        Assert.Contains(notesOnly.QuerySelectorAll("nav.govuk-pagination a"), a => a.GetAttribute("href")!.Contains("type=Case%20notes"));
    }

    [Fact]
    public async Task Post_AddCaseNote_WithFutureDateAndNoSubject_ShowsErrorsAndSavesNothing()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var future = DateTime.Now.AddDays(3);

        var response = await client.SubmitAsync($"/children/{id}/notes/add", new Dictionary<string, string>
        {
            ["Type"] = "CaseNote", ["EventDate.Day"] = future.Day.ToString(), ["EventDate.Month"] = future.Month.ToString(),
            ["EventDate.Year"] = future.Year.ToString(), ["Subject"] = "", ["Body"] = "Text", ["ChildSeen"] = "no",
        });

        var doc = await Pages.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a subject", doc.ErrorMessages());
        var saved = await app.Data.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.ChildId == id));
        Assert.Equal(0, saved);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.ChildId == id && e.Action == AccessAction.Change)));
    }

    [Fact]
    public async Task Post_AddCaseNote_Twice_WithSameSubmission_SavesOnce()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var doc = await client.GetPageAsync($"/children/{id}/notes/add");
        var form = doc.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
        var values = new Dictionary<string, string>
        {
            ["Type"] = "PhoneCall", ["EventDate.Day"] = "1", ["EventDate.Month"] = "2", ["EventDate.Year"] = "2025",
            ["Subject"] = "Call", ["Body"] = "Spoke to mother.", ["ChildSeen"] = "no",
        };

        await client.PostFormAsync(form, values);
        await client.PostFormAsync(form, values);

        Assert.Equal(1, await app.Data.WithDbAsync(db => db.CaseNotes.CountAsync(n => n.ChildId == id)));
    }

    [Fact]
    public async Task Post_AmendCaseNote_KeepsTheOriginalVisibleToTheAuthor()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.WithNote("Original subject", "Original text."); });
        var noteId = await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.ChildId == id).Select(n => n.Id).SingleAsync());
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var response = await client.SubmitAsync($"/children/{id}/notes/{noteId}?mode=amend", new Dictionary<string, string>
        { ["Subject"] = "Corrected subject", ["Body"] = "Corrected text.", ["Reason"] = "Wrong date of visit" }, handler: "Amend");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await client.GetPageAsync($"/children/{id}/notes/{noteId}");
        Assert.Contains("Corrected text.", doc.QuerySelector("#note-body")!.TextContent);
        Assert.Contains("Original text.", doc.QuerySelector("#history")!.ParentElement!.TextContent);
        Assert.Contains("Wrong date of visit", doc.Body!.TextContent);
        var original = await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.Id == noteId).Select(n => n.Body).SingleAsync());
        Assert.Equal("Original text.", original);
    }

    [Fact]
    public async Task Post_DeleteCaseNote_NeedsAReasonAndIsSoft()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.WithNote("Wrong child"); });
        var noteId = await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.ChildId == id).Select(n => n.Id).SingleAsync());
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var noReason = await client.SubmitAsync($"/children/{id}/notes/{noteId}?mode=delete", new Dictionary<string, string> { ["Reason"] = "" }, handler: "Delete");
        Assert.Contains("Enter the reason", (await Pages.ParseAsync(noReason)).ErrorMessages());

        var response = await client.SubmitAsync($"/children/{id}/notes/{noteId}?mode=delete", new Dictionary<string, string> { ["Reason"] = "Recorded on the wrong child" }, handler: "Delete");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await Pages.ParseAsync(response)).ErrorMessages()));
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.ChildId == id && e.Action == AccessAction.Change && e.Resource == $"POST /children/{id}/notes/{noteId}")));
        var notes = await client.GetPageAsync($"/children/{id}/notes");
        Assert.DoesNotContain("Wrong child", notes.Body!.TextContent);
        var deleted = await app.Data.WithDbAsync(db => db.CaseNotes.IgnoreQueryFilters().SingleAsync(n => n.Id == noteId));
        Assert.Equal("Recorded on the wrong child", deleted.DeletionReason);
        Assert.Equal(worker.WorkerId, deleted.DeletedByWorkerId);
    }

    [Fact]
    public async Task Post_ChangeDetails_WhenSomeoneElseSavedFirst_ShowsBothVersionsAndOverwritesNothing()
    {
        var (worker, teamId, _) = await SocialWorkerAsync();
        var colleague = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Jayden"; c.AllocatedTo = worker; });
        var first = app.NewClient();
        await first.SignInAsync(worker.UserName);
        var second = app.NewClient();
        await second.SignInAsync(colleague.UserName);
        var firstForm = (await first.GetPageAsync($"/children/{id}/details")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
        var secondForm = (await second.GetPageAsync($"/children/{id}/details")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;

        var ok = await first.PostFormAsync(firstForm, new Dictionary<string, string> { ["KnownAs"] = "Jay" });
        var conflict = await second.PostFormAsync(secondForm, new Dictionary<string, string> { ["KnownAs"] = "JD" });

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var doc = await Pages.ParseAsync(conflict);
        Assert.Contains(doc.ErrorMessages(), m => m.Contains("Someone else changed this record"));
        Assert.Contains(doc.QuerySelectorAll("#conflicts tbody tr"), r => r.TextContent.Contains("Jay") && r.TextContent.Contains("JD"));
        Assert.Equal("Jay", await app.Data.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.KnownAs).SingleAsync()));
    }

    [Fact]
    public async Task Post_ChangeDetails_WithBadNhsNumber_ShowsCheckDigitMessage()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var response = await client.SubmitAsync($"/children/{id}/details", new Dictionary<string, string> { ["NhsNumber"] = "943 476 5910" });
        Assert.Contains(Haven.Core.People.Identifiers.NhsNumber.CheckDigitMessage, (await Pages.ParseAsync(response)).ErrorMessages());
    }

    [Fact]
    public async Task Post_AddPerson_WithLikelyMatch_WarnsBeforeCreating()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        await app.Data.CreateChildAsync(c => { c.FirstName = "Harriet"; c.LastName = "Blackwood"; c.DateOfBirth = new DateOnly(2014, 3, 9); c.AllocatedTo = worker; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var values = new Dictionary<string, string>
        {
            ["Kind"] = "child", ["FirstName"] = "Hariet", ["LastName"] = "Blackwood", ["DateOfBirth.Day"] = "9", ["DateOfBirth.Month"] = "3",
            ["DateOfBirth.Year"] = "2014", ["Sex"] = "Female", ["AllocationReasonCode"] = "OTHERS",
        };

        var warning = await Pages.ParseAsync(await client.SubmitAsync("/people/add", values));
        Assert.Contains("Check this person is not already on Haven", warning.QuerySelector("h1")!.TextContent);
        Assert.Contains(warning.QuerySelectorAll("#matches tbody tr"), r => r.TextContent.Contains("Harriet Blackwood"));
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.People.CountAsync(p => p.LastName == "Blackwood")));

        var confirm = warning.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
        var created = await client.PostFormAsync(confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(2, await app.Data.WithDbAsync(db => db.People.CountAsync(p => p.LastName == "Blackwood")));
        var newId = await app.Data.WithDbAsync(db => db.People.Where(p => p.FirstName == "Hariet").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{newId}")).StatusCode);
    }

    [Fact]
    public async Task Post_AddPerson_WithMissingFields_ShowsMessagesLinkedToFields()
    {
        var (worker, _, _) = await SocialWorkerAsync();
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var doc = await Pages.ParseAsync(await client.SubmitAsync("/people/add", new Dictionary<string, string> { ["Kind"] = "child", ["NhsNumber"] = "12345" }));
        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Enter the first name", errors);
        Assert.Contains("Enter the last name", errors);
        foreach (var link in doc.QuerySelectorAll(".govuk-error-summary__list a"))
            Assert.NotNull(doc.QuerySelector(link.GetAttribute("href")!));
    }
}

public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>;
public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;

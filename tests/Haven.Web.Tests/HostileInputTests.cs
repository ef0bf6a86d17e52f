using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// Generated bad input over every form the app shows and every API payload it accepts: oversized
/// strings, control characters, mixed scripts, script tags, empty values, impossible and far-future
/// dates, negative and huge numbers, values of the wrong type and the same submission twice. The
/// answer is never a server error; a refusal is a clear message (the form again with an error
/// summary, or a 400 ValidationProblem from the API) and saves nothing; what is saved is shown inert.
public abstract class HostileInputTests(HavenApp app)
{
    public const string Script = "<script>alert('haven-xss')</script>";
    private static readonly string Oversized = new('x', 70_000);
    private static readonly string Weird = $"\u0000\u0007\u001b[31m {Script} \"'><img src=x onerror=alert(1)> Ελληνικά кириллица 中文 \u202Eevil\u202C \uFEFF";

    private sealed record Variant(string Name, Func<string, string, string?> Value);

    /// For a field (name, type) the hostile value; null leaves the field as the page rendered it.
    private static readonly Variant[] FormVariants =
    [
        new("oversized", (name, type) => type is "text" or "textarea" or "search" or "email" or "tel" ? Oversized : null),
        new("control characters, mixed scripts and script tags", (name, type) => type is "text" or "textarea" or "search" ? Weird : null),
        new("impossible dates and wrong types", (name, type) => name.EndsWith(".Day") ? "31" : name.EndsWith(".Month") ? "2" : name.EndsWith(".Year") ? "20x6"
            : type is "number" ? "abc" : type is "radio" or "select" or "checkbox" ? "NotAValue" : type is "hidden" && name != "__RequestVerificationToken" ? "not-a-guid" : null),
        new("far future, negative and huge numbers", (name, type) => name.EndsWith(".Day") ? "1" : name.EndsWith(".Month") ? "1" : name.EndsWith(".Year") ? "9999"
            : type is "number" or "text" && Regex.IsMatch(name, "(Count|Number|Hours|Minutes|Age|Max|Min|Children|Score|Grade|Amount|Weeks|Days)", RegexOptions.IgnoreCase) ? "-99999999999999999999" : null),
        new("everything empty", (name, type) => name == "__RequestVerificationToken" ? null : ""),
    ];

    private List<RouteEndpoint> Endpoints()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        return await app.Data.WithDbAsync(async db =>
        {
            var sql = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>(db);
            var tables = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && t.ClrType != typeof(AccessLogEntry))
                .Select(t => (t.GetTableName()!, t.GetSchema())).Distinct().ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + string.Join(", ", tables.Select((t, i) => $"(SELECT COUNT(*) FROM {sql.DelimitIdentifier(t.Item1, t.Item2)}) AS c{i}"));
            var counts = new Dictionary<string, long>();
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            for (var i = 0; i < tables.Count; i++) counts[tables[i].Item1] = Convert.ToInt64(reader.GetValue(i));
            return counts;
        });
    }

    private static string Changed(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"{kv.Key} {before.GetValueOrDefault(kv.Key)}→{kv.Value}"));

    /// Tables that any request may add to whatever the form says (sign-in bookkeeping and the like).
    private static readonly string[] Incidental = ["DataProtectionKeys"];

    private static string Url(string route, int childId) =>
        "/" + Regex.Replace(
            Regex.Replace(route.Trim('/').Replace("{childId:int}", childId.ToString()).Replace("{childId}", childId.ToString()), @"/\{[A-Za-z]+(:int)?\?\}", ""),
            @"\{[A-Za-z]+(:[a-z]+)?\}", "1");

    private async Task<(int ChildId, HttpClient Worker, HttpClient Manager, HttpClient Api, TestWorker Allocated, int TeamId, TestWorker ManagerWorker)> FixtureAsync()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, team);
        var childId = await app.Data.CreateChildAsync(c =>
        {
            c.AllocatedTo = worker; c.Referrals.Add(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20));
            c.Involvements.Add((Haven.Core.Involvements.InvolvementKind.ChildInNeed, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20)));
            c.WithNote("A first note");
        });
        var w = app.NewClient(); await w.SignInAsync(worker.UserName);
        var m = app.NewClient(); await m.SignInAsync(manager.UserName);
        var (_, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return (childId, w, m, api, worker, team, manager);
    }

    /// A page route with an id of its own beyond the child's (an episode, a plan, a check, a household…).
    private sealed record IdRoute(string Template, Regex Pattern, bool HasForm);

    /// Routes whose id is not a record a test can make and link to: the error page's status code and
    /// the public feedback form's emailed token (covered by its own tests).
    private static readonly string[] NotRecordIds = ["error/{code:int}", "family-feedback/{token}"];

    /// Every page route that needs an id beyond the child's, with whether its page model posts
    /// (an OnPost handler): the forms the generated route URLs above reach only with id 1.
    private List<IdRoute> IdRoutes(int childId)
    {
        var compiled = typeof(Haven.Web.Infrastructure.ApiProblems).Assembly
            .GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute>()
            .ToDictionary(a => a.Identifier, a => a.Type, StringComparer.OrdinalIgnoreCase);
        var routes = new List<IdRoute>();
        foreach (var e in Endpoints())
        {
            var template = e.RoutePattern.RawText!.Trim('/');
            if (template.StartsWith("api/") || template.Contains("account") || NotRecordIds.Contains(template)) continue;
            if (!e.RoutePattern.Parameters.Any(p => p.Name != "childId")) continue;
            var page = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
            if (page is null) continue;
            var model = compiled.GetValueOrDefault(page.RelativePath)?.GetProperty("Model")?.PropertyType;
            var hasForm = model?.GetMethods().Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)) ?? false;
            var regex = new System.Text.StringBuilder("^/");
            var last = 0;
            foreach (Match m in Regex.Matches(template, @"/?\{([A-Za-z]+)(:[a-z]+)?(\?)?\}"))
            {
                regex.Append(Regex.Escape(template[last..m.Index]));
                var slash = m.Value.StartsWith('/') ? "/" : "";
                regex.Append(m.Groups[1].Value == "childId" ? slash + childId : m.Groups[3].Success ? $"({slash}\\d+)?" : slash + (m.Groups[2].Value == ":int" ? @"\d+" : "[^/]+"));
                last = m.Index + m.Length;
            }
            regex.Append(Regex.Escape(template[last..])).Append('$');
            routes.Add(new IdRoute(template, new Regex(regex.ToString()), hasForm));
        }
        return routes.DistinctBy(r => r.Template).ToList();
    }

    /// Records behind the forms that need a second id, on this test's child (and the registers'
    /// own records), so that the child's pages and the registers link to each of those forms.
    private static async Task<List<string>> SecondIdRecordsAsync(ConcurrencyTests.Context c, int referralId)
    {
        var failures = new List<string>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task Try(string what, Func<Task> add)
        {
            try { await add(); }
            catch (Exception e) { failures.Add($"could not make {what}: {e.GetBaseException().Message}"); }
        }
        await Try("an assessment", () => c.Add(new Haven.Core.Assessments.Assessment
        {
            ChildId = c.ChildId, ReferralId = referralId, StartDate = today.AddDays(-8), DueDate = today.AddDays(37),
        }));
        await Try("care proceedings", () => c.Add(new Haven.Core.ChildrenLookedAfter.CareProceedings
        {
            ChildId = c.ChildId, ApplicationDate = today.AddDays(-40), Court = "Family court", ParallelPlan = "Return home", ContingencyPlan = "Kinship care", RecordedAt = DateTime.UtcNow,
        }));
        await Try("an arrangement for time with family", () => c.Add(new Haven.Core.ChildrenLookedAfter.ContactArrangement
        {
            ChildId = c.ChildId, With = Haven.Core.ChildrenLookedAfter.FamilyMember.Mother, PersonName = "Dana Reyes", Frequency = "Weekly", Supervised = true,
            StartDate = today.AddDays(-30), RecordedAt = DateTime.UtcNow,
        }));
        await Try("a missing episode with its interview", () => c.Add(new Haven.Core.Missing.MissingEpisode
        {
            ChildId = c.ChildId, Type = Haven.Core.Missing.MissingType.Missing, From = Haven.Core.Missing.MissingFrom.Care, StartedAt = DateTime.UtcNow.AddDays(-9),
            ReturnedAt = DateTime.UtcNow.AddDays(-8), Risk = Haven.Core.Missing.MissingRisk.Medium, RecordedAt = DateTime.UtcNow,
            Interview = new Haven.Core.Missing.ReturnHomeInterview { OfferedAt = DateTime.UtcNow.AddDays(-7), OfferedBy = "Jo, Safe Return", Independent = true, RecordedAt = DateTime.UtcNow },
        }));
        await Try("an early help episode", () => c.Add(new Haven.Core.EarlyHelp.EarlyHelpEpisode
        {
            ChildId = c.ChildId, StartDate = today.AddDays(-50), LeadPractitioner = "Family support worker", LeadAgency = "Family hub", RecordedAt = DateTime.UtcNow,
        }));
        await Try("an education record", () => c.Add(new Haven.Core.Education.EducationRecord
        {
            ChildId = c.ChildId, Date = today.AddDays(-20), SchoolName = "Oak Primary", Notes = "Settled well", RecordedAt = DateTime.UtcNow,
        }));
        await Try("an exploitation screening", () => c.Add(new Haven.Core.Exploitation.ExploitationScreening
        {
            ChildId = c.ChildId, ScreenedOn = today.AddDays(-14), ReviewDue = today.AddDays(14), RecordedAt = DateTime.UtcNow,
            Levels = [new Haven.Core.Exploitation.ExploitationRiskLevel { Risk = default, DecidedOn = today.AddDays(-14), Reason = "First screening", RecordedAt = DateTime.UtcNow }],
        }));
        await Try("a homelessness assessment", () => c.Add(new Haven.Core.Homelessness.HomelessnessAssessment
        {
            ChildId = c.ChildId, PresentedOn = today.AddDays(-3), StayingNow = "With a friend", RecordedAt = DateTime.UtcNow,
        }));
        await Try("home education", () => c.Add(new Haven.Core.Education.Inclusion.HomeEducation
        {
            ChildId = c.ChildId, NotifiedOn = today.AddDays(-30), NotifiedBy = "Parent by letter", RecordedAt = DateTime.UtcNow,
        }));
        await Try("an employment", () => c.Add(new Haven.Core.Workforce.Employment
        {
            WorkerId = c.Worker.WorkerId, TeamId = c.Worker.TeamId!.Value, StartDate = today.AddYears(-2), RecordedAt = DateTime.UtcNow,
        }));
        await Try("a special guardianship order", () => c.Add(new Haven.Core.Fostering.SpecialGuardianship
        {
            ChildId = c.ChildId, GuardianNames = "Aunt and uncle", OrderDate = today.AddMonths(-3), RecordedAt = DateTime.UtcNow,
        }));
        return failures;
    }

    /// The records whose forms need more than one row to exist, written through the app's own
    /// services as its pages write them: a period of care with its first episode and placement (the
    /// placement at a foster household's postcode, for the fostering link form), a child protection
    /// plan from its initial conference (with the plan's first version), a supervision visit on a
    /// household, and an approved adoption enquiry. Returns the pages each role starts from.
    private async Task<List<(string Url, HavenRole Role)>> ServiceRecordsAsync(ConcurrencyTests.Context c, TestWorker manager, List<string> failures)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var seeds = new List<(string Url, HavenRole Role)>();
        var by = new Haven.Core.Access.CurrentWorker(c.Worker.UserName, c.Worker.WorkerId, c.Worker.Role, c.Worker.TeamId, null, "Social worker");
        async Task Try(string what, Func<IServiceProvider, Task<string?>> add)
        {
            try
            {
                using var scope = app.Services.CreateScope();
                if (await add(scope.ServiceProvider) is { } error) failures.Add($"could not make {what}: {error}");
            }
            catch (Exception e) { failures.Add($"could not make {what}: {e.GetBaseException().Message}"); }
        }
        static string? Errors(IReadOnlyDictionary<string, string> errors) => errors.Count == 0 ? null : string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"));

        var household = await c.AddHouseholdAsync();
        await Try("a period of care with its placement", async s =>
        {
            var result = await s.GetRequiredService<Haven.Core.ChildrenLookedAfter.LookedAfterService>().StartAsync(new Haven.Core.ChildrenLookedAfter.StartPeriodOptions(
                c.ChildId, today.AddDays(-60), manager.WorkerId, "Parents unable to care", today.AddDays(-60), "C2", "N1", false, "BR1 1AA",
                new Haven.Core.ChildrenLookedAfter.PlacementOptions("U4", "PR1", "Sam and Alex Carer", "2 Low St", null, "Bromley", "BR3 3AA", null, "Near school")), by);
            return Errors(result.Errors);
        });
        await Try("a child protection plan from its initial conference", async s =>
        {
            var referral = await c.Add(new Haven.Core.Referrals.Referral { ChildId = c.ChildId, ReferralDate = today.AddDays(-30), SourceCode = "1A", RecordedAt = DateTime.UtcNow });
            var discussion = await c.Add(new Haven.Core.ChildProtection.StrategyDiscussion
            {
                ChildId = c.ChildId, ReferralId = referral, Date = today.AddDays(-28), Concerns = "Bruising seen at school", StartSection47 = true, RecordedAt = DateTime.UtcNow,
            });
            var enquiry = await c.Add(new Haven.Core.ChildProtection.Section47Enquiry
            {
                ChildId = c.ChildId, ReferralId = referral, StrategyDiscussionId = discussion, StartDate = today.AddDays(-28), InitialConferenceDue = today.AddDays(-13),
                Outcome = Haven.Core.ChildProtection.Section47Outcome.ConferenceRequired, CompletedDate = today.AddDays(-20), OutcomeSummary = "Conference needed", CompletedByWorkerId = c.Worker.WorkerId,
            });
            var result = await s.GetRequiredService<Haven.Core.ChildProtection.ConferenceService>().RecordInitialConferenceAsync(new Haven.Core.ChildProtection.RecordInitialConferenceOptions(
                c.ChildId, enquiry, today.AddDays(-15), "Pat Reid",
                [new Haven.Core.ChildProtection.AttendeeOptions(Haven.Core.ChildProtection.PartnerAgency.Police, "DC Lee", null, Haven.Core.ChildProtection.ConferenceAttendance.Attended, true)],
                true, "NEG", "A plan is needed", [], null,
                new Haven.Core.Plans.PlanContentOptions(["Safe at home"], [new Haven.Core.Plans.PlanActionInput(null, "Visit weekly", "Social worker", today.AddDays(20), false, null)],
                    null, "Strategy discussion if no progress", null)), by);
            return Errors(result.Errors);
        });
        await Try("a supervision visit", async s =>
        {
            var result = await s.GetRequiredService<Haven.Core.Fostering.FosteringService>().AddAsync(household, new Haven.Core.Fostering.VisitOptions(today.AddDays(-3), false, "Home visit"), c.Worker.WorkerId, null, default);
            return Errors(result.Errors);
        });
        seeds.Add(($"/fostering/carers/{household}", HavenRole.FosteringWorker));
        await Try("an approved adoption enquiry", async s =>
        {
            var fostering = s.GetRequiredService<Haven.Core.Fostering.FosteringService>();
            var o = new Haven.Core.Fostering.EnquiryOptions(Haven.Core.Fostering.ApplicantKind.Adoption, "The adopters", "BR2 2AA", Haven.Core.Fostering.EnquirySource.Web, null,
                today.AddDays(-200), today.AddDays(-190), today.AddDays(-180), today.AddDays(-170), today.AddDays(-100), today.AddDays(-30), today.AddDays(-20), null, null, null, false);
            if (Errors(await fostering.ValidateAsync(o, default)) is { } error) return error;
            var enquiry = await fostering.AddAsync(o, c.Worker.WorkerId, default);
            seeds.Add(($"/fostering/enquiries/{enquiry.Id}", HavenRole.FosteringWorker));
            return null;
        });
        return seeds;
    }

    [Fact]
    public async Task EveryForm_WithHostileValues_NeverFails_RefusesClearly_SavesNothingHalf_AndShowsWhatItSavedInert()
    {
        var (childId, worker, manager, _, allocated, team, managerWorker) = await FixtureAsync();
        var failures = new List<string>();
        int forms = 0, posts = 0;
        // The records behind the forms with a second id, made before any page is read so that the
        // child's pages and the registers link to them: one of each kind the concurrency table edits,
        // and the rest of the child's records.
        var context = new ConcurrencyTests.Context(childId, allocated, app.Services);
        var referral = await app.Data.WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.Id).FirstAsync());
        // Where roles other than the child's worker and manager start from: their registers.
        var seeds = new List<(string Url, HavenRole Role)> { ($"/emergency-access/{childId}", HavenRole.SocialWorker), ("/lado", HavenRole.Lado), ("/fostering/carers", HavenRole.FosteringWorker) };
        // The service-made records first: the period of care must start through the service (with its
        // episode and placement), and setups that need a child in care then use that period.
        seeds.AddRange(await ServiceRecordsAsync(context, managerWorker, failures));
        foreach (var (_, coverage) in ConcurrencyTests.Table)
            if (coverage is ConcurrencyTests.PageEdit edit && await edit.Setup(context) is { } target) seeds.Add((target.Url, target.Role));
            else if (coverage is ConcurrencyTests.ApiEdit api) await api.Setup(context);
        failures.AddRange(await SecondIdRecordsAsync(context, referral));

        var pages = Endpoints()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is null || e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => !r.StartsWith("api/") && !r.StartsWith("/api/") && !r.Contains("account") && !r.Contains("sign-out") && !r.Contains("error"))
            .Distinct().OrderBy(r => r).ToList();
        // Every link and form action seen on a page read, with the client that saw it.
        var links = new List<(string Url, HttpClient Client)>();
        var routed = new HashSet<string>();
        var idRoutes = IdRoutes(childId);
        var reachedRoutes = new HashSet<string>();
        foreach (var route in pages)
        {
            var url = Url(route, childId);
            var formsSoFar = forms;
            // A generated URL may name a real record (id 1 is one of this test's): then that route is reached here.
            // Only a page one of them could read is done with: another role may read it from a link (a LADO case 1).
            if (!await FormsAtAsync(url, [worker, manager])) continue;
            routed.Add(url);
            if (idRoutes.FirstOrDefault(r => r.Pattern.IsMatch(url)) is { } reached && (!reached.HasForm || forms > formsSoFar))
                reachedRoutes.Add(reached.Template);
        }

        // Forms behind a second id: the generated URLs above reach them only with id 1. Found
        // instead from the links on the pages read (the child's pages, the registers, the pages
        // each role works from), followed until every such route has been read once.
        var byRole = new Dictionary<HavenRole, HttpClient> { [HavenRole.SocialWorker] = worker, [HavenRole.TeamManager] = manager };
        foreach (var (url, role) in seeds)
        {
            if (!byRole.TryGetValue(role, out var client))
            {
                var someone = await app.Data.CreateWorkerAsync(role, team);
                byRole[role] = client = app.NewClient();
                await client.SignInAsync(someone.UserName);
            }
            links.Add((url, client));
        }
        var formsBefore = forms;
        for (var i = 0; i < links.Count; i++)
        {
            var (url, client) = links[i];
            var route = idRoutes.FirstOrDefault(r => r.Pattern.IsMatch(url.Split('?')[0]));
            var seed = seeds.Any(s => s.Url == url);
            if (route is null)
            {
                // A page without an id of its own (a register, the front door): read for its links only.
                if (seed && !url.Contains("/children/")) await LinksAsync(url, client);
                continue;
            }
            if (reachedRoutes.Contains(route.Template))
            {
                // A starting page whose route another record reached: still read for the links to its own forms.
                if (seed) await LinksAsync(url, client);
                continue;
            }
            var formsSoFar = forms;
            if (!await FormsAtAsync(url, [client], route.HasForm)) continue;
            if (route.HasForm && forms == formsSoFar) continue; // that client sees no form there (read only for them): another may
            reachedRoutes.Add(route.Template);
        }
        var behindASecondId = forms - formsBefore;
        var notReached = idRoutes.Where(r => r.HasForm && !reachedRoutes.Contains(r.Template)).Select(r => r.Template).OrderBy(t => t).ToList();

        async Task LinksAsync(string url, HttpClient client)
        {
            var get = await client.GetAsync(url);
            if ((int)get.StatusCode >= 500) { failures.Add($"GET {url}: {(int)get.StatusCode}"); return; }
            if (get.StatusCode == HttpStatusCode.OK) Collect(await Pages.ParseAsync(get), url, client);
        }

        void Collect(IDocument doc, string url, HttpClient client)
        {
            foreach (var e in doc.QuerySelectorAll("main a[href], main form[action]"))
            {
                var href = e.GetAttribute("href") ?? e.GetAttribute("action");
                if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("mailto:")) continue;
                var target = new Uri(new Uri("http://localhost" + url), href);
                // A link keeps its query (a note's "?mode=amend" shows the amend form); a form's action
                // does not (its "?handler=" names a POST handler, not a page to read).
                var path = e.LocalName == "a" && target.Query.Length > 0 ? target.PathAndQuery : target.AbsolutePath;
                if (!routed.Contains(path) && links.All(l => l.Url != path || l.Client != client)) links.Add((path, client));
            }
        }

        // Posts every hostile variant to each form on the page, as the first of the clients that
        // gets the page; false when none of them could read it.
        async Task<bool> FormsAtAsync(string url, HttpClient[] clients, bool post = true)
        {
            foreach (var client in clients)
            {
                var get = await client.GetAsync(url);
                if ((int)get.StatusCode >= 500) { failures.Add($"GET {url}: {(int)get.StatusCode}"); break; }
                if (get.StatusCode != HttpStatusCode.OK) continue;
                var doc = await Pages.ParseAsync(get);
                Collect(doc, url, client);
                if (!post) return true;
                var found = doc.QuerySelectorAll<IHtmlFormElement>("main form").Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ToList();
                if (found.Count == 0) return true;
                forms += found.Count;
                for (var fi = 0; fi < found.Count; fi++)
                {
                    foreach (var variant in FormVariants)
                    {
                        // Each variant on a freshly read form (a saved post may change the page).
                        var fresh = (await Pages.ParseAsync(await client.GetAsync(url))).QuerySelectorAll<IHtmlFormElement>("main form")
                            .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ElementAtOrDefault(fi);
                        if (fresh is null) break;
                        var values = new Dictionary<string, string>();
                        foreach (var element in fresh.Elements)
                        {
                            var (name, type) = element switch
                            {
                                IHtmlInputElement i => (i.Name, i.Type),
                                IHtmlTextAreaElement t => (t.Name, "textarea"),
                                IHtmlSelectElement s => (s.Name, "select"),
                                _ => (null, null),
                            };
                            if (string.IsNullOrEmpty(name) || type is "submit" || name == "__RequestVerificationToken") continue;
                            if (variant.Value(name, type!) is { } v) values[name] = v;
                        }
                        var before = await CountsAsync();
                        var response = await client.PostFormAsync(fresh, values);
                        posts++;
                        var status = (int)response.StatusCode;
                        var what = $"POST {fresh.GetAttribute("action") ?? url} ({variant.Name})";
                        if (status >= 500) { failures.Add($"{what}: {status}"); continue; }
                        // A download (the subject access bundle) is the action done, not a refusal.
                        if (status == 200 && response.Content.Headers.ContentType?.MediaType is { } media && media != "text/html") continue;
                        if (status == 200)
                        {
                            var after = await CountsAsync();
                            var changed = Changed(before, after);
                            var answer = await Pages.ParseAsync(response);
                            if (changed.Length > 0 && !Incidental.Any(changed.Contains))
                                failures.Add($"{what}: refused (200) but saved: {changed}");
                            if (!answer.ErrorMessages().Any() && answer.QuerySelector(".govuk-error-summary, .govuk-error-message") is null)
                                failures.Add($"{what}: answered 200 without an error message");
                            var html = await response.Content.ReadAsStringAsync();
                            if (html.Contains(Script)) failures.Add($"{what}: the script tag came back unescaped");
                        }
                        else if (status is 302 or 303 && response.Headers.Location is { } location && variant.Name.StartsWith("control"))
                        {
                            var shown = await client.GetAsync(new Uri(new Uri("http://localhost" + url), location).PathAndQuery);
                            var html = await shown.Content.ReadAsStringAsync();
                            if ((int)shown.StatusCode >= 500) failures.Add($"{what}: the page it saved to ({location}) then fails with {(int)shown.StatusCode}");
                            if (html.Contains(Script)) failures.Add($"{what}: the page it saved to ({location}) shows the script tag unescaped");
                        }
                    }
                    // The same submission twice: the second is harmless (never a server error).
                    var twice = (await Pages.ParseAsync(await client.GetAsync(url))).QuerySelectorAll<IHtmlFormElement>("main form")
                        .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ElementAtOrDefault(fi);
                    if (twice is null) continue;
                    for (var k = 0; k < 2; k++)
                    {
                        var r = await client.PostFormAsync(twice, new Dictionary<string, string>());
                        posts++;
                        if ((int)r.StatusCode >= 500) failures.Add($"POST {twice.GetAttribute("action") ?? url} (the same form twice, #{k + 1}): {(int)r.StatusCode}");
                    }
                }
                return true;
            }
            return false;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems over {posts} posts to {forms} forms:\n" + string.Join("\n", failures.Distinct().Take(80))
            + $"\n({notReached.Count} forms behind a second id not reached: {string.Join(", ", notReached)})");
        Assert.True(forms > 30, $"only {forms} forms found");
        Assert.True(idRoutes.Count(r => r.HasForm) > 30, $"only {idRoutes.Count(r => r.HasForm)} routes with a form behind a second id found");
        Assert.True(notReached.Count == 0, $"{notReached.Count} forms behind a second id were not reached ({reachedRoutes.Count} were, {behindASecondId} forms):\n" + string.Join("\n", notReached));
    }

    private static readonly string[] Hostile = ["oversized", "weird", "wrong types", "out of range", "nulls"];

    private static JsonElement? ValueFor(Type type, string variant, int depth = 0)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        object? v = variant switch
        {
            "nulls" => null,
            "wrong types" => t == typeof(string) ? 12345 : t == typeof(bool) ? "perhaps" : "not-a-" + t.Name,
            _ when t == typeof(string) => variant == "oversized" ? Oversized : Weird,
            _ when t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) => variant == "out of range" ? -2147483648L : 99999999999L,
            _ when t == typeof(DateOnly) => variant == "out of range" ? "9999-12-31" : "0001-01-01",
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => variant == "out of range" ? "9999-12-31T23:59:59Z" : "0001-01-01T00:00:00Z",
            _ when t == typeof(Guid) => "00000000-0000-0000-0000-000000000000",
            _ when t == typeof(bool) => true,
            _ when t.IsEnum => variant == "out of range" ? 999 : "NotAValue",
            _ when t != typeof(string) && t.IsAssignableTo(typeof(System.Collections.IEnumerable)) => new object?[] { variant == "out of range" ? -1 : Weird, null },
            _ when t.IsClass && depth < 2 => Body(t, variant, depth + 1),
            _ => null,
        };
        return JsonSerializer.SerializeToElement(v);
    }

    private static Dictionary<string, JsonElement?> Body(Type type, string variant, int depth = 0) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(x => x.Name == p.Name)))
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => ValueFor(p.PropertyType, variant, depth));

    [Fact]
    public async Task EveryApiPayload_WithHostileValues_Gets400ValidationProblemOrSucceeds_NeverA5xx_AndARefusalSavesNothing()
    {
        var (childId, _, _, api, _, _, _) = await FixtureAsync();
        var failures = new List<string>();
        var sent = 0;
        var endpoints = Endpoints().Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/")
            && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT") == true).ToList();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} API writes found");
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.First(m => m is "POST" or "PUT");
            var url = Url(endpoint.RoutePattern.RawText!, childId);
            var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var bodies = new List<(string Name, HttpContent Content)>
            {
                ("not JSON", new StringContent("{\"unterminated\": ", System.Text.Encoding.UTF8, "application/json")),
                ("a JSON array", new StringContent("[1,2,3]", System.Text.Encoding.UTF8, "application/json")),
            };
            if (bodyType is not null)
                foreach (var variant in Hostile) bodies.Add((variant, JsonContent.Create(Body(bodyType, variant))));
            foreach (var (name, content) in bodies)
            {
                var before = await CountsAsync();
                var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });
                sent++;
                var status = (int)response.StatusCode;
                var what = $"{method} {url} ({name})";
                if (status >= 500) { failures.Add($"{what}: {status}"); continue; }
                if (status is 200 or 201 or 202 or 204) continue;
                var changed = Changed(before, await CountsAsync());
                if (changed.Length > 0) failures.Add($"{what}: refused ({status}) but saved: {changed}");
                if (status == 400)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !text.Contains("\"errors\"") && !text.Contains("\"detail\""))
                        failures.Add($"{what}: 400 without a validation problem ({text[..Math.Min(200, text.Length)]})");
                }
                else if (status is not (403 or 404 or 409 or 415 or 422 or 428))
                    failures.Add($"{what}: {status}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems over {sent} requests to {endpoints.Count} API writes:\n" + string.Join("\n", failures.Distinct().Take(80)));
    }
}

public sealed class HostileInputTestsOnSqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;
public sealed class HostileInputTestsOnPostgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;

using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.CaseNotes;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Search;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// The JSON API under /api/v1: the same core record and the same access rules as the pages.
/// Partner systems authenticate with a bearer token issued through the CLI.
public static class ChildrenApi
{
    public static void MapHavenApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).WithTags("Children");
        api.MapGet("/children", SearchAsync).WithName("SearchChildren").WithSummary("Find children by name, date of birth, NHS number, UPN or Haven ID");
        api.MapPost("/people", AddPersonAsync).WithName("AddPerson").WithSummary("Add a child or an adult");

        var child = api.MapGroup("/children/{childId:int}").AddEndpointFilter<ChildRecordEndpointFilter>();
        child.MapGet("", GetChildAsync).WithName("GetChild").WithSummary("A child's core record");
        child.MapGet("/notes", GetNotesAsync).WithName("GetCaseNotes").WithSummary("A child's case notes, newest first");
        child.MapPost("/notes", AddNoteAsync).WithName("AddCaseNote").WithSummary("Add a case note");
        child.MapChildrenInCareApi();
        child.MapGet("/chronology", GetChronologyAsync).WithName("GetChronology").WithSummary("Every recorded event, newest first");
        child.MapLookedAfterApi();
        child.MapCourtAndFamilyApi();
        child.MapHelpAndProtectionApi();
        child.MapChildProtectionPlansApi();
        child.MapPlansApi();
        child.MapCareLeaversApi();
    }

    /// On a search's response: "true" when more children match than the response lists, so the
    /// caller should narrow the search; "false" when the list is every match the caller may see.
    public const string MoreThanShownHeader = "Haven-More-Than-Shown";

    private static async Task<IResult> SearchAsync(string? q, HttpContext http, ChildSearch search, AccessLog log, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["q"] = ["Enter a search of 1 to 200 characters"] });
        var worker = CurrentWorker.From(http.User)!;
        var (results, more) = await search.SearchAsync(worker, ChildSearchQuery.Parse(q), ct);
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, "GET /api/v1/children", $"{results.Count} results"), ct);
        // The body stays the array of results it always was; whether more children match than are
        // returned (ChildSearch.MaxResults) goes in a header, as the page's "More than 50 children found".
        http.Response.Headers[MoreThanShownHeader] = more ? "true" : "false";
        return Results.Ok(results.Select(r => new ChildSearchResultDto(r.HavenId, r.Id, r.FirstName, r.LastName, r.KnownAs, r.DateOfBirth,
            r.ExpectedDateOfBirth, r.Sex.ToString(), r.Postcode, r.AllocatedWorker)));
    }

    private static async Task<IResult> GetChildAsync(int childId, HavenDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var p = await db.People.AsNoTracking().FirstAsync(x => x.Id == childId, ct);
        var involvement = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && i.EndDate == null).Select(i => i.Kind).ToListAsync(ct);
        var allocations = await db.Allocations.AsNoTracking().Where(a => a.ChildId == childId && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.Kind, Worker = a.Worker.DisplayName, Team = a.Team.Name, a.StartDate }).ToListAsync(ct);
        return Results.Ok(new ChildDto(p.HavenId, p.Id, p.FirstName, p.LastName, p.OtherNames, p.KnownAs, p.DateOfBirth, p.ExpectedDateOfBirth,
            p.Sex.ToString(), p.EthnicityCode, p.NhsNumber, p.Upn, p.IsRestricted, involvement.Select(Involvement.Describe).ToList(),
            allocations.Select(a => new AllocationDto(Allocation.Describe(a.Kind), a.Worker, a.Team, a.StartDate)).ToList(), p.Version));
    }

    private static async Task<IResult> GetNotesAsync(int childId, HavenDbContext db, int? skip, int? take, CancellationToken ct)
    {
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.ChildId == childId)
            .OrderByDescending(n => n.EventAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 100, 1, 500))
            .Include(n => n.Author).Include(n => n.Amendments).ToListAsync(ct);
        return Results.Ok(notes.Select(ToDto));
    }

    private static async Task<IResult> AddNoteAsync(int childId, NewCaseNoteDto body, HttpContext http, CaseNoteService notes, TimeProvider clock, HavenDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<CaseNoteType>(body.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type))
            errors["type"] = ["Type must be one of: " + string.Join(", ", Enum.GetNames<CaseNoteType>())];
        if (body.EventAt is null) errors["eventAt"] = ["Enter when the event happened"];
        var options = new AddCaseNoteOptions(childId, type, body.EventAt is { } e ? DateTime.SpecifyKind(e, e.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : e.Kind).ToUniversalTime() : default,
            body.Subject ?? "", body.Body ?? "", body.PeopleSeen, body.ChildSeen, body.ChildSeenAlone, body.SubmissionId);
        if (body.EventAt is not null)
            foreach (var (field, message) in CaseNoteService.Validate(options, clock.GetUtcNow().UtcDateTime))
                errors[char.ToLowerInvariant(field[0]) + field[1..]] = [message];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var worker = CurrentWorker.From(http.User)!;
        var added = await notes.AddOnceAsync(options, worker, ChildRecordGuard.ChangeEntry(http, childId), ct);
        var note = added.Note;
        // A note just saved is as it was sent, by this worker, with no amendments: only a repeated
        // submission's note is read back whole.
        var dto = added.IsNew
            ? new CaseNoteDto(note.Id, note.Type.ToString(), note.EventAt, note.RecordedAt, worker.DisplayName, note.Subject, note.Body,
                note.PeopleSeen, note.ChildSeen, note.ChildSeenAlone, false)
            : ToDto(await db.CaseNotes.AsNoTracking().Include(n => n.Author).Include(n => n.Amendments).FirstAsync(n => n.Id == note.Id, ct));
        return Results.Created($"/api/v1/children/{childId}/notes/{note.Id}", dto);
    }

    private static async Task<IResult> GetChronologyAsync(int childId, string[]? category, ChronologyBuilder chronology, CancellationToken ct)
    {
        var items = await chronology.ForChildAsync(childId, category, ct);
        return Results.Ok(items.Select(i => new ChronologyItemDto(i.At, i.Category, i.Title, i.Detail, i.By)));
    }

    private static async Task<IResult> AddPersonAsync(NewPersonDto body, HttpContext http, PersonService people, TimeProvider clock, CancellationToken ct)
    {
        var worker = CurrentWorker.From(http.User)!;
        if (!AccessMatrix.For(worker.Role).CanAddPeople) return Results.Problem(statusCode: 403, title: "Your role cannot add people.");
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<PersonKind>(body.Kind, true, out var kind) || !Enum.IsDefined(kind)) errors["kind"] = ["Kind must be Child or Adult"];
        var sex = Sex.Unknown;
        if (body.Sex is not null && (!Enum.TryParse(body.Sex, true, out sex) || !Enum.IsDefined(sex))) errors["sex"] = ["Sex must be Male, Female or Unknown"];
        var options = new AddPersonOptions(kind, body.FirstName ?? "", body.LastName ?? "", body.KnownAs, body.DateOfBirth, body.ExpectedDateOfBirth, sex, body.NhsNumber,
            AllocationReasonCode: body.AllocationReason);
        foreach (var (field, message) in PersonService.Validate(options, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), PersonService.AsksAllocationReason(worker, kind)))
            errors[field == "AllocationReasonCode" ? "allocationReason" : char.ToLowerInvariant(field[0]) + field[1..]] = [message];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var person = await people.AddAsync(options, worker, ct);
        return Results.Created($"/api/v1/children/{person.Id}", new PersonCreatedDto(person.HavenId, person.Id));
    }

    private static CaseNoteDto ToDto(CaseNote n) => new(n.Id, n.Type.ToString(), n.EventAt, n.RecordedAt, n.Author.DisplayName,
        n.CurrentSubject, n.CurrentBody, n.PeopleSeen, n.ChildSeen, n.ChildSeenAlone, n.Amendments.Count > 0);
}

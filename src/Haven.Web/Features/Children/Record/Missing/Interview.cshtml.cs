using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Missing;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Missing;

/// The return home interview for one episode: the offer, the child's answer, the interview and
/// what it found, and sharing that with the child's worker and the MEGA panel in the same save.
public class InterviewModel(HavenDbContext db, MissingService missing, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date the interview was offered"), GovukDate(ErrorMessagePrefix = "Date the interview was offered")]
    public DateOnly? OfferedDate { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the time the interview was offered"), RegularExpression(MissingForms.TimePattern, ErrorMessage = "Enter the time in the format 14:30")]
    public string? OfferedTime { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter who offered the interview"), StringLength(200, ErrorMessage = "Who offered the interview must be 200 characters or fewer")]
    public string? OfferedBy { get; set; }

    [BindProperty, Required(ErrorMessage = "Select whether the person offering was independent")]
    public string? Independent { get; set; }

    [BindProperty, Required(ErrorMessage = "Select whether the child accepted the interview")]
    public InterviewResponse? ChildResponse { get; set; }

    [BindProperty] public string? DeclinedReason { get; set; }

    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the interview was held")]
    public DateOnly? CompletedDate { get; set; }

    [BindProperty, RegularExpression(MissingForms.TimePattern, ErrorMessage = "Enter the time in the format 14:30")]
    public string? CompletedTime { get; set; }

    [BindProperty] public string? PushFactors { get; set; }
    [BindProperty] public string? PullFactors { get; set; }
    [BindProperty] public string? PeopleAndPlaces { get; set; }
    [BindProperty] public string? ExploitationIndicators { get; set; }
    [BindProperty] public bool Share { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public MissingEpisode Episode { get; private set; } = null!;
    public bool AlreadyShared { get; private set; }
    public ReturnHomeInterview? Theirs { get; private set; }

    public static readonly IReadOnlyList<SelectListItem> IndependentItems = [new("Yes", "yes"), new("No", "no")];
    public static readonly IReadOnlyList<SelectListItem> ResponseItems =
    [
        new("Accepted", nameof(InterviewResponse.Accepted)), new("Declined", nameof(InterviewResponse.Declined)),
        new("Not yet known", nameof(InterviewResponse.NotYetKnown)),
    ];

    public async Task<IActionResult> OnGetAsync(int childId, int episodeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, tracked: false, ct)) return NotFound();
        if (Episode.Interview is { } i)
        {
            (OfferedDate, OfferedTime) = MissingForms.FromUtc(i.OfferedAt);
            (CompletedDate, CompletedTime) = MissingForms.FromUtc(i.CompletedAt);
            OfferedBy = i.OfferedBy; Independent = i.Independent ? "yes" : "no"; ChildResponse = i.Response; DeclinedReason = i.DeclinedReason;
            PushFactors = i.PushFactors; PullFactors = i.PullFactors; PeopleAndPlaces = i.PeopleAndPlaces; ExploitationIndicators = i.ExploitationIndicators;
            Version = i.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int episodeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, tracked: true, ct)) return NotFound();
        if (Independent is not null and not ("yes" or "no")) ModelState.AddModelError(nameof(Independent), "Select whether the person offering was independent");
        if (CompletedDate is not null && string.IsNullOrWhiteSpace(CompletedTime) && ModelState.IsValid) ModelState.AddModelError(nameof(CompletedTime), "Enter the time the interview was held");
        if (!ModelState.IsValid) return Page();

        var options = new RecordInterviewOptions(MissingForms.ToUtc(OfferedDate, OfferedTime)!.Value, OfferedBy!, Independent == "yes", ChildResponse!.Value,
            DeclinedReason, MissingForms.ToUtc(CompletedDate, CompletedTime), PushFactors, PullFactors, PeopleAndPlaces, ExploitationIndicators, Share);
        foreach (var (field, message) in MissingService.Validate(options, Episode, clock.GetUtcNow().UtcDateTime))
            ModelState.AddModelError(field switch { "OfferedAt" => nameof(OfferedDate), "CompletedAt" => nameof(CompletedDate), _ => field }, message);
        if (!ModelState.IsValid) return Page();

        try
        {
            await missing.SaveInterviewAsync(Episode, options, CurrentWorker.From(User)!, Version, ct);
        }
        catch (StaleRecordException)
        {
            db.ChangeTracker.Clear();
            Theirs = await db.ReturnHomeInterviews.AsNoTracking().FirstAsync(i => i.MissingEpisodeId == episodeId, ct);
            Version = Theirs.Version;
            ModelState.AddModelError(nameof(OfferedDate), "Someone else changed this interview while you were editing it. Check their version below, then save yours again if it is still right");
            return Page();
        }
        TempData["Notice"] = Share && Episode.Interview!.SharedAt is not null && !AlreadyShared
            ? "Return home interview saved and shared with the child's worker and the MEGA panel"
            : "Return home interview saved";
        return Redirect($"/children/{childId}/missing/{episodeId}");
    }

    private async Task<bool> LoadAsync(int childId, int episodeId, bool tracked, CancellationToken ct)
    {
        var query = db.MissingEpisodes.Include(e => e.Interview).Where(e => e.Id == episodeId && e.ChildId == childId);
        var episode = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (episode is null) return false;
        Episode = episode;
        AlreadyShared = episode.Interview?.SharedAt is not null;
        Header = (await ChildHeader.LoadAsync(db, childId, "missing", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return true;
    }
}

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

/// Records a new missing episode, or changes one (typically to record the child's return).
public class RecordModel(HavenDbContext db, MissingService missing, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Select whether the child was missing or away")]
    public MissingType? Type { get; set; }

    [BindProperty, Required(ErrorMessage = "Select whether the child went missing from home or from care")]
    public MissingFrom? From { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the date the child went missing"), GovukDate(ErrorMessagePrefix = "Date the child went missing")]
    public DateOnly? StartDate { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the time the child went missing"), RegularExpression(MissingForms.TimePattern, ErrorMessage = "Enter the time in the format 14:30")]
    public string? StartTime { get; set; }

    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the child returned")]
    public DateOnly? ReturnDate { get; set; }

    [BindProperty, RegularExpression(MissingForms.TimePattern, ErrorMessage = "Enter the time in the format 14:30")]
    public string? ReturnTime { get; set; }

    [BindProperty] public string? WhereFrom { get; set; }
    [BindProperty] public string? WhereFound { get; set; }
    [BindProperty] public string? PoliceReference { get; set; }

    [BindProperty, Required(ErrorMessage = "Select the risk level")]
    public MissingRisk? Risk { get; set; }

    [BindProperty] public string? WhatHappened { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public bool IsNew { get; private set; }
    public MissingEpisode? Theirs { get; private set; }

    public static readonly IReadOnlyList<SelectListItem> TypeItems =
        [new("Missing: whereabouts unknown", nameof(MissingType.Missing)), new("Away without authorisation: whereabouts known", nameof(MissingType.Away))];
    public static readonly IReadOnlyList<SelectListItem> FromItems =
        [new("Home", nameof(MissingFrom.Home)), new("Care (placement)", nameof(MissingFrom.Care))];
    public static IEnumerable<SelectListItem> RiskItems => Enum.GetValues<MissingRisk>().Select(r => new SelectListItem(MissingEpisode.Describe(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync(int childId, int? episodeId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        if (episodeId is null)
        {
            IsNew = true;
            SubmissionId = Guid.NewGuid();
            return Page();
        }
        var e = await db.MissingEpisodes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == episodeId && x.ChildId == childId, ct);
        if (e is null) return NotFound();
        Fill(e);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int? episodeId, CancellationToken ct)
    {
        IsNew = episodeId is null;
        MissingEpisode? episode = null;
        if (!IsNew)
        {
            episode = await db.MissingEpisodes.FirstOrDefaultAsync(x => x.Id == episodeId && x.ChildId == childId, ct);
            if (episode is null) return NotFound();
        }
        if (ReturnTime is { Length: > 0 } && ReturnDate is null && ModelState.IsValid) ModelState.AddModelError(nameof(ReturnDate), "Enter the date the child returned");
        if (ReturnDate is not null && string.IsNullOrWhiteSpace(ReturnTime) && ModelState.IsValid) ModelState.AddModelError(nameof(ReturnTime), "Enter the time the child returned");
        if (!ModelState.IsValid) return await RedisplayAsync(childId, ct);

        var options = new RecordMissingEpisodeOptions(childId, Type!.Value, From!.Value, MissingForms.ToUtc(StartDate, StartTime)!.Value,
            MissingForms.ToUtc(ReturnDate, ReturnTime), WhereFrom, WhereFound, PoliceReference, Risk!.Value, WhatHappened,
            SubmissionId: IsNew && SubmissionId != Guid.Empty ? SubmissionId : null);
        foreach (var (field, message) in await missing.ValidateAsync(options, episodeId, ct))
            ModelState.AddModelError(field switch { "StartedAt" => nameof(StartDate), "ReturnedAt" => nameof(ReturnDate), _ => field }, message);
        if (!ModelState.IsValid) return await RedisplayAsync(childId, ct);

        if (IsNew)
        {
            var saved = await missing.AddAsync(options, CurrentWorker.From(User), ct: ct);
            TempData["Notice"] = "Missing episode recorded";
            return Redirect($"/children/{childId}/missing/{saved.Id}");
        }
        try
        {
            await missing.UpdateAsync(episode!, options, Version ?? Guid.Empty, ct);
        }
        catch (StaleRecordException)
        {
            Theirs = await db.MissingEpisodes.AsNoTracking().FirstAsync(x => x.Id == episodeId, ct);
            ModelState.AddModelError(nameof(Type), "Someone else changed this episode while you were editing it. Check their version below, then save yours again if it is still right");
            Version = Theirs.Version;
            return await RedisplayAsync(childId, ct);
        }
        TempData["Notice"] = "Missing episode updated";
        return Redirect($"/children/{childId}/missing/{episodeId}");
    }

    private void Fill(MissingEpisode e)
    {
        Type = e.Type; From = e.From; Risk = e.Risk;
        (StartDate, StartTime) = MissingForms.FromUtc(e.StartedAt);
        (ReturnDate, ReturnTime) = MissingForms.FromUtc(e.ReturnedAt);
        WhereFrom = e.WhereFrom; WhereFound = e.WhereFound; PoliceReference = e.PoliceReference; WhatHappened = e.WhatHappened;
        Version = e.Version;
    }

    private async Task<IActionResult> RedisplayAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        return Page();
    }

    private async Task LoadHeaderAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "missing", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
}

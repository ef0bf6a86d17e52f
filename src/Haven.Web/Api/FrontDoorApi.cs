using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Core.People;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// <summary>A child named on a contact who may not yet be on Haven.</summary>
public sealed record NewContactChildDto(string? FirstName, string? LastName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth);

/// <summary>A contact sent by a partner system, such as the police.</summary>
public sealed record NewContactDto
{
    /// <summary>When the partner received the concern or sent it (UTC). Defaults to now.</summary>
    public DateTime? ReceivedAt { get; init; }
    /// <summary>A CIN census referral source code, for example 6 (police).</summary>
    public string? SourceCode { get; init; }
    public string? ContactorName { get; init; }
    public string? ContactorRole { get; init; }
    public string? ContactorPhoneOrEmail { get; init; }
    public string? Worry { get; init; }
    /// <summary>Given, Refused, NotSought or Overridden.</summary>
    public string? Consent { get; init; }
    public string? ConsentGivenBy { get; init; }
    public string? ConsentReason { get; init; }
    /// <summary>Haven IDs (H1234) of children already known. Front-door users only; partners send child details.</summary>
    public IReadOnlyList<string>? HavenIds { get; init; }
    public IReadOnlyList<NewContactChildDto>? Children { get; init; }
    /// <summary>A client-chosen id: sending the same contact twice with the same id records it once.</summary>
    public Guid? SubmissionId { get; init; }
}

/// <summary>A contact and each child's decision.</summary>
public sealed record ContactDto(int Id, DateTime ReceivedAt, string Channel, string SourceCode, string ContactorName, string Consent,
    IReadOnlyList<ContactChildDto> Children);

/// <summary>One child's threshold decision; timeliness against the 1-working-day rule.</summary>
public sealed record ContactChildDto(string HavenId, int ChildId, string? LevelOfNeed, string? Outcome, DateTime? DecidedAt, DateTime? SignedOffAt,
    DateOnly DecisionDue, string Timeliness, int? ReferralId);

/// <summary>A referral (CIN episode).</summary>
public sealed record ReferralDto(int Id, DateOnly ReferralDate, string SourceCode, string? PrimaryNeedCode, bool IsReReferral, bool NoFurtherAction,
    DateOnly? ClosureDate, string? ReasonForClosureCode, int? ContactId);

/// The front door over the API: partners submit contacts; front-door users read them; a child's referrals.
public static class FrontDoorApi
{
    public static void MapFrontDoorApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).WithTags("Front door");
        api.MapPost("/contacts", SubmitAsync).WithName("SubmitContact").WithSummary("Submit a contact about one or more children (partner systems)");
        api.MapGet("/contacts/{contactId:int}", GetAsync).WithName("GetContact").WithSummary("A contact and each child's decision (front door only)");
        api.MapGroup("/children/{childId:int}").AddEndpointFilter<ChildRecordEndpointFilter>()
            .MapGet("/referrals", ReferralsAsync).WithName("GetReferrals").WithSummary("A child's referrals, newest first");
    }

    private static readonly HavenRole[] Submitters = [HavenRole.PartnerAgency, HavenRole.MashWorker, HavenRole.TeamManager];

    private static async Task<IResult> SubmitAsync(NewContactDto body, HttpContext http, FrontDoorService frontDoor, TimeProvider clock, AccessLog log, CancellationToken ct)
    {
        var worker = CurrentWorker.From(http.User)!;
        if (!Submitters.Contains(worker.Role)) return Results.Problem(statusCode: 403, title: "Your role cannot submit contacts.");
        var errors = new Dictionary<string, string[]>();
        var ids = new List<int>();
        if (body.HavenIds is { Count: > 0 } havenIds)
        {
            if (!AccessMatrix.WorksAtFrontDoor(worker.Role)) errors["havenIds"] = ["Partner systems send the children's details, not Haven IDs"];
            else foreach (var h in havenIds.Take(FrontDoorService.MaxChildren + 1))
                if (HavenIds.TryParse(h, out var id)) ids.Add(id); else { errors["havenIds"] = [$"'{Truncate(h)}' is not a Haven ID"]; break; }
        }
        ConsentToShare? consent = null;
        if (body.Consent is not null)
        {
            if (Enum.TryParse<ConsentToShare>(body.Consent, true, out var c) && Enum.IsDefined(c)) consent = c;
            else errors["consent"] = ["Consent must be one of: " + string.Join(", ", Enum.GetNames<ConsentToShare>())];
        }
        var children = (body.Children ?? []).Select(c => new NewContactChild(c?.FirstName ?? "", c?.LastName ?? "", c?.DateOfBirth, c?.ExpectedDateOfBirth)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var receivedAt = body.ReceivedAt is { } r ? DateTime.SpecifyKind(r, r.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : r.Kind).ToUniversalTime() : now;
        var options = new RecordContactOptions(receivedAt, ContactChannel.PartnerSystem, body.SourceCode ?? "", body.ContactorName ?? "", body.ContactorRole,
            body.ContactorPhoneOrEmail, body.Worry ?? "", consent, body.ConsentGivenBy, body.ConsentReason, ids, children, SubmissionId: body.SubmissionId);
        foreach (var (field, message) in FrontDoorService.Validate(options, now)) errors.TryAdd(JsonName(field), [message]);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var (contact, serviceErrors) = await frontDoor.RecordAsync(options, worker, ct);
        if (contact is null) return ApiProblems.Invalid(serviceErrors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }));
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Change, null, "POST /api/v1/contacts", $"contact {contact.Id}"), ct);
        return Results.Created($"/api/v1/contacts/{contact.Id}", new { contact.Id });
    }

    private static async Task<IResult> GetAsync(int contactId, HttpContext http, HavenDbContext db, ChildAccess access, AccessLog log, NeedContinuum continuum,
        TimeProvider clock, CancellationToken ct)
    {
        var worker = CurrentWorker.From(http.User)!;
        if (!AccessMatrix.WorksAtFrontDoor(worker.Role)) return ApiProblems.NoAccess();
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Children).FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return ApiProblems.NoAccess();
        var ids = contact.Children.Select(c => c.ChildId).ToList();
        var visible = await Features.FrontDoor.FrontDoorPages.VisibleAsync(db, access, worker, ids, ct);
        foreach (var id in ids)
            await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, visible.Contains(id) ? AccessAction.View : AccessAction.Denied, id, $"GET /api/v1/contacts/{contactId}"), ct);
        if (!ids.All(visible.Contains)) return ApiProblems.NoAccess();
        var now = clock.GetUtcNow().UtcDateTime;
        return Results.Ok(new ContactDto(contact.Id, contact.ReceivedAt, contact.Channel.ToString(), contact.SourceCode, contact.ContactorName, contact.Consent.ToString(),
            contact.Children.OrderBy(c => c.Id).Select(c =>
            {
                var t = DecisionTimeliness.For(contact.ReceivedAt, c.SignedOffAt, now, clock.LocalTimeZone);
                return new ContactChildDto(HavenIds.Format(c.ChildId), c.ChildId, c.LevelOfNeed, c.Outcome?.ToString(), c.DecidedAt, c.SignedOffAt, t.Due, t.Status.ToString(), c.ReferralId);
            }).ToList()));
    }

    private static async Task<IResult> ReferralsAsync(int childId, HavenDbContext db, CancellationToken ct) =>
        Results.Ok(await db.Referrals.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.ReferralDate)
            .Select(r => new ReferralDto(r.Id, r.ReferralDate, r.SourceCode, r.PrimaryNeedCode, r.IsReReferral, r.NoFurtherAction, r.ClosureDate, r.ReasonForClosureCode, r.ContactId))
            .ToListAsync(ct));

    /// "NewChildren[0].FirstName" → "children[0].firstName", as the JSON names it.
    private static string JsonName(string field) => string.Join('.', field.Replace("NewChildren", "Children").Replace("ChildIds", "HavenIds").Split('.')
        .Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static string Truncate(string? s) => s is null ? "" : s.Length > 20 ? s[..20] + "…" : s;
}

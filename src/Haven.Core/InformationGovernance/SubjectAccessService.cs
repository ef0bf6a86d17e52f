using System.Security.Cryptography;
using System.Text.Json;
using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.InformationGovernance;

public sealed record NewSubjectAccessRequest(
    int SubjectPersonId, string RequesterName, RequesterKind RequesterKind, string? Authority, bool IsChildsOwnRequest,
    string IdentityCheck, string Scope, DateOnly ReceivedOn);

public sealed record ReleasedBundle(SubjectAccessRelease Release, SubjectAccessBundle Bundle);

/// Records requests, gathers and releases bundles. Every gathering and every release is written to
/// the access log against the subject, with the request number, so the disclosure itself is on record.
public sealed class SubjectAccessService(HavenDbContext db, AccessLog log, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<(SubjectAccessRequest? Request, Dictionary<string, string> Errors)> RecordAsync(NewSubjectAccessRequest input, CurrentWorker by, CancellationToken ct = default)
    {
        var errors = Validate(input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!await db.People.IgnoreQueryFilters().AnyAsync(p => p.Id == input.SubjectPersonId, ct))
            errors.TryAdd(nameof(input.SubjectPersonId), "There is no person with that Haven ID");
        if (errors.Count > 0) return (null, errors);
        var request = new SubjectAccessRequest
        {
            SubjectPersonId = input.SubjectPersonId, RequesterName = input.RequesterName.Trim(), RequesterKind = input.RequesterKind,
            Authority = string.IsNullOrWhiteSpace(input.Authority) ? null : input.Authority.Trim(), IsChildsOwnRequest = input.IsChildsOwnRequest,
            IdentityCheck = input.IdentityCheck.Trim(), Scope = input.Scope.Trim(), ReceivedOn = input.ReceivedOn,
            DueOn = SubjectAccessRequest.DueFrom(input.ReceivedOn), Status = SubjectAccessStatus.Open,
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId,
        };
        db.SubjectAccessRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return (request, errors);
    }

    public static Dictionary<string, string> Validate(NewSubjectAccessRequest input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.RequesterName)) errors[nameof(input.RequesterName)] = "Enter the name of the person making the request";
        else if (input.RequesterName.Length > 200) errors[nameof(input.RequesterName)] = "The requester's name must be 200 characters or fewer";
        if (input.RequesterKind != RequesterKind.DataSubject && string.IsNullOrWhiteSpace(input.Authority))
            errors[nameof(input.Authority)] = "Enter the authority for a request made on someone else's behalf, for example parental responsibility or signed consent";
        else if (input.Authority is { Length: > 500 }) errors[nameof(input.Authority)] = "The authority must be 500 characters or fewer";
        if (string.IsNullOrWhiteSpace(input.IdentityCheck)) errors[nameof(input.IdentityCheck)] = "Enter how the requester's identity was checked";
        else if (input.IdentityCheck.Length > 500) errors[nameof(input.IdentityCheck)] = "How identity was checked must be 500 characters or fewer";
        if (string.IsNullOrWhiteSpace(input.Scope)) errors[nameof(input.Scope)] = "Enter what was asked for, for example everything, or a period";
        else if (input.Scope.Length > 1000) errors[nameof(input.Scope)] = "What was asked for must be 1000 characters or fewer";
        if (input.ReceivedOn > today) errors[nameof(input.ReceivedOn)] = "The date received must be today or in the past";
        else if (input.ReceivedOn < today.AddYears(-2)) errors[nameof(input.ReceivedOn)] = "The date received must be within the last 2 years";
        return errors;
    }

    public const string Conflict = "Someone else changed this request while you were looking at it: check it and try again";

    /// Extends the deadline to three months from receipt for a complex request, with the reason.
    public async Task<string?> ExtendAsync(int requestId, string reason, Guid version, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "Enter why the request is complex enough to extend";
        if (reason.Length > 500) return "The reason must be 500 characters or fewer";
        var request = await db.SubjectAccessRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return "There is no such request";
        if (request.Version != version) return Conflict;
        if (request.ExtensionReason is not null) return "This request has already been extended";
        request.DueOn = SubjectAccessRequest.ExtendedDueFrom(request.ReceivedOn);
        request.ExtensionReason = reason.Trim();
        return await db.TrySaveChangesAsync(ct) ? null : Conflict;
    }

    public async Task<SubjectAccessBundle?> PreviewAsync(SubjectAccessRequest request, CurrentWorker by, CancellationToken ct = default)
    {
        var bundle = await SubjectAccessGatherer.GatherAsync(db, request.SubjectPersonId, clock.GetUtcNow().UtcDateTime, ct);
        await log.WriteAsync(new AccessEvent(by.UserName, by.WorkerId, AccessAction.Search, request.SubjectPersonId,
            $"subject-access/{request.Id}", $"Subject access request {request.Id}: gathered for review"), ct);
        return bundle;
    }

    /// Gathers, keeps the exact bytes released with their hash, and logs the release.
    public async Task<ReleasedBundle?> ReleaseAsync(int requestId, CurrentWorker by, CancellationToken ct = default)
    {
        var request = await db.SubjectAccessRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var bundle = await SubjectAccessGatherer.GatherAsync(db, request.SubjectPersonId, now, ct);
        if (bundle is null) return null;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { request = Describe(request), bundle }, Json);
        var release = new SubjectAccessRelease
        {
            RequestId = request.Id, ReleasedAt = now, ReleasedByWorkerId = by.WorkerId, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Rows = bundle.Rows, RowsForRedactionReview = bundle.RowsForRedactionReview, Bundle = bytes,
        };
        db.SubjectAccessReleases.Add(release);
        request.Status = SubjectAccessStatus.Released;
        await db.SaveChangesAsync(ct);
        await log.WriteAsync(new AccessEvent(by.UserName, by.WorkerId, AccessAction.Export, request.SubjectPersonId, $"subject-access/{request.Id}",
            $"Subject access request {request.Id}: bundle released ({bundle.Rows} rows, {bundle.RowsForRedactionReview} for redaction review), sha256 {release.Sha256}"), ct);
        return new ReleasedBundle(release, bundle);
    }

    private static object Describe(SubjectAccessRequest r) => new
    {
        r.Id, r.SubjectPersonId, r.RequesterName, RequesterKind = r.RequesterKind.ToString(), r.Authority, r.IsChildsOwnRequest,
        r.IdentityCheck, r.Scope, r.ReceivedOn, r.DueOn, r.ExtensionReason,
    };
}

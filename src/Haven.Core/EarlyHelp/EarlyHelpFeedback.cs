using System.Security.Cryptography;
using Haven.Core.Access;
using Haven.Core.Api;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.EarlyHelp;

/// A family's feedback on one early help activity (the assessment, a review, a plan action). The
/// worker creates a link for the family; only the SHA-256 hash of its token is stored (as for API
/// tokens). The link works once and expires; the family's answer is kept on the same row.
public class EarlyHelpFeedback
{
    public int Id { get; set; }
    public int EpisodeId { get; set; }
    /// What the feedback is about, in words the worker chose from the episode, e.g. "Review on 3 March 2026".
    public required string Activity { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? CreatedByWorkerId { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// Set when the family sends the form: the link cannot be used again.
    public DateTime? SubmittedAt { get; set; }
    public int? Rating { get; set; }
    public string? Comment { get; set; }

    public bool IsOpenAt(DateTime now) => SubmittedAt is null && ExpiresAt > now;
}

/// Count, average and distribution of ratings (index 0 = rating 1).
public sealed record FeedbackSummary(int Count, double? Average, IReadOnlyList<int> Distribution)
{
    public static FeedbackSummary From(IEnumerable<int> ratings)
    {
        var list = ratings.Where(r => r is >= FeedbackRules.MinRating and <= FeedbackRules.MaxRating).ToList();
        var distribution = new int[FeedbackRules.MaxRating];
        foreach (var r in list) distribution[r - 1]++;
        return new FeedbackSummary(list.Count, list.Count == 0 ? null : Math.Round(list.Average(), 1), distribution);
    }
}

public static class FeedbackRules
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxComment = 2_000;
    public const int MaxActivity = 300;
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(28);

    public static string DescribeRating(int rating) => rating switch
    {
        1 => "Not at all helpful",
        2 => "Not very helpful",
        3 => "Quite helpful",
        4 => "Helpful",
        5 => "Very helpful",
        _ => "Unknown",
    };

    public static IEnumerable<(string Field, string Message)> Validate(int? rating, string? comment)
    {
        if (rating is null or < MinRating or > MaxRating) yield return ("Rating", "Select how helpful this was");
        if (comment is { Length: > MaxComment }) yield return ("Comment", "What you want to tell us must be 2,000 characters or fewer");
        else if (comment is not null && comment.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
            yield return ("Comment", "What you want to tell us must only contain letters, numbers, spaces and punctuation");
    }

    public static string NewToken() => "fb_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// Creates feedback links and takes the family's answers. A link is used at most once, even when
/// two answers race: the answer is written by one conditional UPDATE.
public sealed class EarlyHelpFeedbackService(HavenDbContext db, TimeProvider clock)
{
    /// Returns the new link's row and the token to give the family (shown once, never stored).
    public async Task<(EarlyHelpFeedback Feedback, string Token)> CreateLinkAsync(int episodeId, string activity, CurrentWorker? by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = FeedbackRules.NewToken();
        var feedback = new EarlyHelpFeedback
        {
            EpisodeId = episodeId, Activity = activity.Trim(), TokenHash = ApiToken.Hash(token), CreatedAt = now, CreatedByWorkerId = by?.WorkerId,
            ExpiresAt = now + FeedbackRules.LinkLifetime,
        };
        db.EarlyHelpFeedback.Add(feedback);
        await db.SaveChangesAsync(ct);
        return (feedback, token);
    }

    /// The open link for this token, or null when it is unknown, used or expired (callers must not say which).
    public async Task<EarlyHelpFeedback?> FindOpenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = ApiToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var f = await db.EarlyHelpFeedback.AsNoTracking().FirstOrDefaultAsync(x => x.TokenHash == hash, ct);
        return f is not null && f.IsOpenAt(now) ? f : null;
    }

    /// Saves the answer if the link is still open. Returns false when it is not (used, expired, unknown).
    public async Task<bool> SubmitAsync(string token, int rating, string? comment, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return false;
        var hash = ApiToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var updated = await db.EarlyHelpFeedback
            .Where(f => f.TokenHash == hash && f.SubmittedAt == null && f.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.SubmittedAt, now).SetProperty(f => f.Rating, rating).SetProperty(f => f.Comment, text), ct);
        return updated == 1;
    }
}

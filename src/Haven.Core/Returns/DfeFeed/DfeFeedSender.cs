using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Haven.Core.Returns.DfeFeed;

public enum DfeBatchStatus
{
    /// 200 (or 204): the DfE took the batch.
    Accepted,
    /// The DfE refused the batch as it is (400, 403, a 413 for one child, 401 after a fresh token): not retried.
    Rejected,
    /// Retryable failures (429, 5xx, time-outs) that went on past the last attempt, or configuration/network trouble.
    Failed,
}

/// What happened to one batch: its children (la_child_id), the outcome, the HTTP status of the
/// last answer, the DfE's receipt, and the reason when it was not accepted. The published schema's
/// Receipt is one UUID for the whole batch; ChildReceipts is filled only if the DfE answers with one
/// token per child instead (a JSON array as long as the batch, in its order, as D2I's client expects).
public sealed record DfeBatchOutcome(IReadOnlyList<string> ChildIds, DfeBatchStatus Status, int? HttpStatus, string? Receipt, string? Error, int Attempts)
{
    public IReadOnlyList<string>? ChildReceipts { get; init; }

    /// The receipt to keep against one child of the batch: their own where the DfE gave one, else the batch's.
    public string? ReceiptFor(string laChildId) =>
        ChildReceipts is { } each && ChildIds.ToList().IndexOf(laChildId) is var i and >= 0 && i < each.Count ? each[i] : Receipt;
}

/// Sends children to the DfE's endpoint in batches of at most 100, authenticated with an OAuth 2.0
/// client-credentials token and the SupplierKey subscription header. Honours Retry-After on 429,
/// retries 5xx and time-outs with bounded exponential back-off, fetches a new token once on 401,
/// splits a batch on 413, and never retries a 400: the error goes back against every child of the
/// batch. onOutcome is awaited after each batch before the next is sent, so the caller records an
/// acceptance at once and a batch accepted is never sent again.
public sealed class DfeFeedSender(HttpClient http, DfeFeedOptions options, DfeFeedMode mode, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? ((d, ct) => Task.Delay(d, ct));
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public async Task<IReadOnlyList<DfeBatchOutcome>> SendAsync(IReadOnlyList<DfeChild> children, Func<DfeBatchOutcome, Task> onOutcome, CancellationToken ct)
    {
        var missing = options.MissingFor(mode);
        if (mode == DfeFeedMode.DryRun || missing.Count > 0)
            throw new InvalidOperationException(mode == DfeFeedMode.DryRun
                ? "A dry run sends nothing."
                : "Nothing was sent: the DfE feed is not configured. Missing: " + string.Join(", ", missing));
        var outcomes = new List<DfeBatchOutcome>();
        var size = Math.Clamp(options.BatchSize, 1, 100);
        foreach (var batch in children.Chunk(size))
            await SendBatchAsync(batch, outcomes, onOutcome, ct);
        return outcomes;
    }

    private async Task SendBatchAsync(IReadOnlyList<DfeChild> batch, List<DfeBatchOutcome> outcomes, Func<DfeBatchOutcome, Task> onOutcome, CancellationToken ct)
    {
        var ids = batch.Select(c => c.LaChildId).ToList();
        var body = DfeFeedJson.SerializeBatch(batch);
        var schemaErrors = DfeFeedJson.Validate(body);
        if (schemaErrors.Count > 0)
        {
            await Done(new DfeBatchOutcome(ids, DfeBatchStatus.Rejected, null, null, "Not sent: the payload does not match the DfE schema: " + string.Join("; ", schemaErrors.Take(5)), 0));
            return;
        }

        var attempts = 0;
        var refreshedToken = false;
        string? lastError = null;
        int? lastStatus = null;
        while (attempts < Math.Max(1, options.MaxAttempts))
        {
            attempts++;
            TimeSpan? wait = null;
            try
            {
                var token = await TokenAsync(refreshedToken && _token is null, ct);
                using var request = new HttpRequestMessage(HttpMethod.Post, options.EndpointFor(mode))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Add("SupplierKey", options.SupplierKey);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.RequestTimeout);
                using var response = await http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                lastStatus = (int)response.StatusCode;
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.Created or HttpStatusCode.Accepted:
                        var perChild = ChildReceipts(text, ids.Count);
                        await Done(new DfeBatchOutcome(ids, DfeBatchStatus.Accepted, lastStatus, perChild is null ? Receipt(text) : null, null, attempts) { ChildReceipts = perChild });
                        return;
                    case HttpStatusCode.Unauthorized when !refreshedToken:
                        // A token may have expired early: fetch a new one once, not counted as an attempt.
                        refreshedToken = true;
                        _token = null;
                        attempts--;
                        continue;
                    case HttpStatusCode.RequestEntityTooLarge when batch.Count > 1:
                        var half = batch.Count / 2;
                        await SendBatchAsync(batch.Take(half).ToList(), outcomes, onOutcome, ct);
                        await SendBatchAsync(batch.Skip(half).ToList(), outcomes, onOutcome, ct);
                        return;
                    case HttpStatusCode.TooManyRequests:
                        lastError = $"429 Too many requests{Detail(text)}";
                        wait = RetryAfter(response) ?? Backoff(attempts);
                        break;
                    case HttpStatusCode.RequestTimeout:
                    case >= HttpStatusCode.InternalServerError:
                        lastError = $"{lastStatus} {response.ReasonPhrase}{Detail(text)}";
                        wait = Backoff(attempts);
                        break;
                    default:
                        // 400, 401 after a fresh token, 403, 413 for one child, anything else: the batch as it is will not go.
                        await Done(new DfeBatchOutcome(ids, DfeBatchStatus.Rejected, lastStatus, null, $"{lastStatus} {response.ReasonPhrase}{Detail(text)}", attempts));
                        return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                lastStatus = null;
                lastError = e is HttpRequestException ? $"Network error: {e.Message}" : "Timed out waiting for the DfE";
                wait = Backoff(attempts);
            }
            catch (DfeTokenException e)
            {
                await Done(new DfeBatchOutcome(ids, DfeBatchStatus.Failed, null, null, e.Message, attempts));
                return;
            }
            if (attempts < Math.Max(1, options.MaxAttempts) && wait is { } w) await _delay(w, ct);
        }
        await Done(new DfeBatchOutcome(ids, DfeBatchStatus.Failed, lastStatus, null, $"Gave up after {attempts} attempts: {lastError}", attempts));

        async Task Done(DfeBatchOutcome outcome)
        {
            outcomes.Add(outcome);
            await onOutcome(outcome);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ms = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(ms, options.RetryMaxDelay.TotalMilliseconds));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        return wait > options.RetryAfterMax ? options.RetryAfterMax : wait;
    }

    /// The DfE's receipt: a UUID string in JSON (or the bare text), kept short.
    private static string? Receipt(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.String) return Short(doc.RootElement.GetString());
        }
        catch (JsonException) { }
        return Short(text.Trim());
    }

    /// One token per child (a JSON array of strings as long as the batch), or null.
    private static IReadOnlyList<string>? ChildReceipts(string text, int children)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() != children) return null;
            var tokens = doc.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? Short(e.GetString()) : null).ToList();
            return tokens.All(t => !string.IsNullOrWhiteSpace(t)) ? tokens.OfType<string>().ToList() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Short(string? s) => s is null ? null : s.Length <= 400 ? s : s[..400];

    private static string Detail(string text) => string.IsNullOrWhiteSpace(text) ? "" : ": " + Short(text.ReplaceLineEndings(" ").Trim());

    private async Task<string> TokenAsync(bool force, CancellationToken ct)
    {
        if (!force && _token is not null && DateTimeOffset.UtcNow < _tokenExpires) return _token;
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
                ["scope"] = options.Scope!,
            }),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new DfeTokenException($"The token endpoint refused the client credentials ({(int)response.StatusCode} {response.ReasonPhrase}).");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
        if (!doc.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
            throw new DfeTokenException("The token endpoint's answer has no access_token.");
        var lifetime = doc.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 300;
        _token = value;
        _tokenExpires = DateTimeOffset.UtcNow.AddSeconds(Math.Max(0, lifetime - 60));
        return value;
    }
}

public sealed class DfeTokenException(string message) : Exception(message);

namespace Haven.Core.Returns.DfeFeed;

/// Where the feed goes: the DfE's test endpoint (for synthetic or scrambled data) or the live one.
/// A dry run writes the batches to a folder and sends nothing.
public enum DfeFeedMode { DryRun, Test, Live }

/// Settings of the DfE daily feed, bound from configuration section Haven:DfeFeed (environment:
/// Haven__DfeFeed__ClientSecret and so on). Secrets come only from configuration or the
/// environment, never from the database, and are never written to a log. Nothing is sent unless
/// the LA code, the endpoint of the chosen mode and every credential are set.
public sealed class DfeFeedOptions
{
    public const string Section = "Haven:DfeFeed";

    /// The cohort: children with an episode of need or of care open at any time in the last N
    /// years, and care leavers whose birthday return falls in them (the DfE decides; 2 by default).
    public int CohortYears { get; set; } = 2;

    /// The council's 3-digit DfE LA code (the {la_code} of the endpoint).
    public string? LaCode { get; set; }

    /// Base URLs, e.g. https://…/children-in-social-care-data-receiver-test/1 (the path
    /// /children_social_care_data/{la_code}/children is added).
    public string? TestBaseUrl { get; set; }
    public string? LiveBaseUrl { get; set; }

    /// OAuth 2.0 client credentials.
    public string? TokenUrl { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? Scope { get; set; }

    /// The API portal's subscription key, sent in the SupplierKey header.
    public string? SupplierKey { get; set; }

    /// Children per request: the schema allows at most 100.
    public int BatchSize { get; set; } = 100;

    /// Attempts per batch for retryable failures (429, 5xx, time-outs), and the back-off: base × 2^(n−1), capped.
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);
    /// A Retry-After longer than this is cut to it (so a send cannot hang for hours).
    public TimeSpan RetryAfterMax { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// The daily send inside the web app: off unless set ("Test" or "Live"), at this UTC time.
    public DfeFeedMode? ScheduledMode { get; set; }
    public TimeOnly ScheduledAtUtc { get; set; } = new(2, 0);

    public string? BaseUrlFor(DfeFeedMode mode) => mode switch
    {
        DfeFeedMode.Test => TestBaseUrl,
        DfeFeedMode.Live => LiveBaseUrl,
        _ => null,
    };

    /// What is missing before anything may be sent in this mode (setting names only, never values);
    /// empty when the feed is ready to send.
    public IReadOnlyList<string> MissingFor(DfeFeedMode mode)
    {
        var missing = new List<string>();
        if (mode == DfeFeedMode.DryRun) return missing;
        if (string.IsNullOrWhiteSpace(LaCode) || !int.TryParse(LaCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var la) || la > 999)
            missing.Add($"{Section}:LaCode (the 3-digit DfE LA code)");
        var baseUrl = BaseUrlFor(mode);
        if (string.IsNullOrWhiteSpace(baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
            missing.Add($"{Section}:{(mode == DfeFeedMode.Live ? "LiveBaseUrl" : "TestBaseUrl")}");
        if (string.IsNullOrWhiteSpace(TokenUrl) || !Uri.TryCreate(TokenUrl, UriKind.Absolute, out _)) missing.Add($"{Section}:TokenUrl");
        if (string.IsNullOrWhiteSpace(ClientId)) missing.Add($"{Section}:ClientId");
        if (string.IsNullOrWhiteSpace(ClientSecret)) missing.Add($"{Section}:ClientSecret");
        if (string.IsNullOrWhiteSpace(Scope)) missing.Add($"{Section}:Scope");
        if (string.IsNullOrWhiteSpace(SupplierKey)) missing.Add($"{Section}:SupplierKey");
        return missing;
    }

    public Uri EndpointFor(DfeFeedMode mode) =>
        new($"{BaseUrlFor(mode)!.TrimEnd('/')}/children_social_care_data/{int.Parse(LaCode!, System.Globalization.CultureInfo.InvariantCulture)}/children");
}

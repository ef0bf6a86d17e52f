using Haven.Core.FrontDoor;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// The public self-assessment form for families with disabled children: no sign-in, arrives at the
/// front door as a contact with the answers attached; hostile input gets messages, never a 500.
public abstract class SelfAssessmentTests(HavenApp app)
{
    internal static Dictionary<string, string> Answers(string? condition = null) => new()
    {
        ["YourName"] = "Sam Carter", ["PhoneOrEmail"] = "07700 900123", ["Relationship"] = "Mother",
        ["ChildFirstName"] = "Robin", ["ChildLastName"] = "Carter", ["ChildDateOfBirth.Day"] = "4", ["ChildDateOfBirth.Month"] = "5", ["ChildDateOfBirth.Year"] = "2017",
        ["Condition"] = condition ?? "Autism and epilepsy", ["HelpWith"] = "Sleep", ["WhatWouldHelp"] = "A short break once a month.", ["PrivacyAgreed"] = "yes",
    };

    [Fact]
    public async Task SelfAssessment_WithoutSigningIn_ArrivesAsAContactWithTheAnswers()
    {
        var client = app.NewClient();
        var page = await client.GetPageAsync("/self-assessment");
        Assert.NotNull(page.QuerySelector("#privacy"));

        var response = await client.SubmitAsync("/self-assessment", Answers("Cerebral palsy " + Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/self-assessment/sent", response.Headers.Location!.ToString());
        var contact = await app.Data.WithDbAsync(db => db.Contacts.Include(c => c.Children).ThenInclude(c => c.Child)
            .Where(c => c.Channel == ContactChannel.SelfAssessment).OrderByDescending(c => c.Id).FirstAsync());
        Assert.Contains("Cerebral palsy", contact.SelfAssessmentAnswers);
        Assert.Contains("Help needed with: Sleep", contact.SelfAssessmentAnswers);
        Assert.Equal("Robin", contact.Children.Single().Child.FirstName);
        Assert.Equal(new DateOnly(2017, 5, 4), contact.Children.Single().Child.DateOfBirth);
    }

    [Fact]
    public async Task SelfAssessment_WithScriptTags_IsStoredAsTextAndShownInert()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var mash = await app.Data.CreateWorkerAsync(HavenRole.MashWorker, teamId);
        var marker = Guid.NewGuid().ToString("N");
        var response = await app.NewClient().SubmitAsync("/self-assessment", Answers($"<script>alert('{marker}')</script><img src=x onerror=alert(1)>"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contactId = await app.Data.WithDbAsync(db => db.Contacts.Where(c => c.SelfAssessmentAnswers!.Contains(marker)).Select(c => c.Id).SingleAsync());

        var client = app.NewClient();
        await client.SignInAsync(mash.UserName);
        var raw = await (await client.GetAsync($"/front-door/contacts/{contactId}")).Content.ReadAsStringAsync();

        Assert.Contains($"&lt;script&gt;alert(&#x27;{marker}&#x27;)&lt;/script&gt;", raw);
        Assert.DoesNotContain($"<script>alert('{marker}')", raw);
        Assert.DoesNotContain("<img src=x", raw);
    }

    [Fact]
    public async Task SelfAssessment_Oversized_IsRefusedWithoutA500AndSavesNothing()
    {
        var before = await app.Data.WithDbAsync(db => db.Contacts.CountAsync());
        var tooLong = await app.NewClient().SubmitAsync("/self-assessment", Answers(new string('x', 5_000)));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("Disability or condition must be 2,000 characters or fewer", (await Pages.ParseAsync(tooLong)).ErrorMessages());

        var huge = await app.NewClient().SubmitAsync("/self-assessment", Answers(new string('x', 2_000_000)));
        Assert.True((int)huge.StatusCode is 400 or 413, $"got {(int)huge.StatusCode}");
        Assert.Equal(before, await app.Data.WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task SelfAssessment_WithNothingFilledIn_ShowsMessagesAndUnknownChoicesAreRefused()
    {
        var form = Answers();
        form["HelpWith"] = "<b>Free money</b>";
        form["PrivacyAgreed"] = "";
        form["YourName"] = "";
        var doc = await Pages.ParseAsync(await app.NewClient().SubmitAsync("/self-assessment", form));
        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Enter your name", errors);
        Assert.Contains("Select from the list", errors);
        Assert.Contains("Confirm you have read how we use your information", errors);
    }
}

public sealed class GenerousLimitSqliteApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Haven:RateLimits:PublicFormPerHour"] = "1000";
}

public sealed class GenerousLimitPostgresApp : PostgresApp
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Haven:RateLimits:PublicFormPerHour"] = "1000";
}

public sealed class SelfAssessmentTestsOnSqlite(GenerousLimitSqliteApp app) : SelfAssessmentTests(app), IClassFixture<GenerousLimitSqliteApp>;
public sealed class SelfAssessmentTestsOnPostgres(GenerousLimitPostgresApp app) : SelfAssessmentTests(app), IClassFixture<GenerousLimitPostgresApp>;

public sealed class TightLimitSqliteApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Haven:RateLimits:PublicFormPerHour"] = "3";
}

/// A flood from one address: after the hourly allowance, 429 with a page, and nothing more is saved.
public sealed class SelfAssessmentFloodTests(TightLimitSqliteApp app) : IClassFixture<TightLimitSqliteApp>
{
    [Fact]
    public async Task SelfAssessment_Flood_Gets429AfterTheLimit()
    {
        var client = app.NewClient();
        var codes = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await client.SubmitAsync("/self-assessment", SelfAssessmentTests.Answers($"Flood {i}"));
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }

        Assert.Equal(3, codes.Count(c => c == HttpStatusCode.Redirect));
        Assert.Equal(9, codes.Count(c => c == HttpStatusCode.TooManyRequests));
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, codes);
        // The limit here is per hour (sign-in's is per minute): the page must not promise a minute.
        var page = await Pages.ParseAsync(refused!);
        Assert.Contains("You have tried too many times. Wait, then try again later.", page.Body!.TextContent);
        Assert.DoesNotContain("Wait a minute", page.Body!.TextContent);
        Assert.Equal(3, await app.Data.WithDbAsync(db => db.Contacts.CountAsync(c => c.Channel == ContactChannel.SelfAssessment)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/self-assessment")).StatusCode);
    }
}

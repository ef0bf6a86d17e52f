using Haven.Core.Allocations;
using Haven.Core.Involvements;
using Haven.Core.People;

namespace Haven.Core.Synthetic;

/// Plans each child's history: referrals and assessments, plans, periods in care, reviews, visits,
/// placements, and the stretches of time each kind of worker held the case.
internal sealed partial class BoroughBuilder
{
    private enum ChainKind { AssessmentOnly, AssessmentCin, AssessmentCpCin, EarlyHelp, AssessmentCareCin, AssessmentCareAdopted }

    // Adoptions: about 3,040 a year against 81,770 children in care (CLA25), so closed families of
    // young children sometimes end in an adoption order. A separate stream decides, so the rest of
    // the borough draws the same numbers whether or not a family is adopted.
    private const double AdoptedChance = 0.035;
    private Random? _adoptionRng;
    private Random AdoptionRng => _adoptionRng ??= new Random(_options.Seed ^ 0x7ad0);

    // Chance that an earlier referral, when short enough, is placed within 12 months of the next
    // one. Only some referrals have an earlier one that fits, so this is far higher than the 22.6%
    // national re-referral rate (CIN census 2025) it reproduces across all referrals.
    private const double ReReferralChance = 0.85;
    private const double ReviewOverdueChance = 0.13;
    private const double VisitOverdueChance = 0.10;

    private sealed record FosterHousehold(Address Address, List<AdultPlan> Carers);
    private readonly List<FosterHousehold> _fosterHouseholds = [];
    private readonly List<Address> _childrensHomes = [];
    private readonly List<Address> _supportedHousing = [];
    public List<RelationshipPlan> CarerRelationships { get; } = [];

    public void PlanTimelines()
    {
        FormGroups();
        ChooseRepeatPlans();
        foreach (var group in Groups) BuildTimeline(group);
        AddEarlierPlans();
        foreach (var group in Groups)
        {
            PlanPlacements(group);
            PlanVisits(group);
            PlanSegments(group);
        }
        foreach (var child in Children)
        {
            ClipSpans(child);
            PlanChildResidences(child);
            PlanOwnAllocations(child);
        }
    }

    private void FormGroups()
    {
        foreach (var family in Families)
        {
            var groups = new List<CaseGroup>();
            foreach (var child in family.Children)
            {
                var group = child.Person.IsUnborn || child.Status == CaseStatus.None
                    ? null
                    : groups.FirstOrDefault(g => g.Status == child.Status && !g.Unborn);
                if (group is null)
                {
                    group = new CaseGroup { Family = family, Status = child.Status };
                    groups.Add(group);
                    Groups.Add(group);
                }
                group.Members.Add(child);
                child.Group = group;
            }
        }
    }

    /// 24.5% of child protection plans are second or subsequent plans (CIN census 2025, D3).
    private void ChooseRepeatPlans()
    {
        var target = (int)Math.Round(0.245 * Children.Count(c => c.Status == CaseStatus.ChildProtection));
        var candidates = Groups.Where(g => g.Status == CaseStatus.ChildProtection && !g.Unborn && Dates.AgeOn(g.Oldest, _today) >= 3).ToList();
        _rng.Shuffle(candidates);
        var count = 0;
        foreach (var group in candidates)
        {
            var eligible = group.Members.Count(m => m.AgeOn(_today) >= 3);
            if (count + eligible > target) continue;
            group.RepeatPlan = true;
            count += eligible;
        }
    }

    // ---------------------------------------------------------------- chains of involvement

    private void BuildTimeline(CaseGroup g)
    {
        if (g.Status == CaseStatus.None) return;
        // An unborn child is referred once the pregnancy is known (from about 12 weeks), so never
        // more than 40 weeks before the expected date of birth (CIN census rule 8606).
        var lower = g.Unborn ? Dates.Max(_today.AddDays(-200), ExpectedBirth(g).AddDays(-(40 - 12) * 7)) : Dates.Max(_windowStart, g.Oldest);
        if (lower > _today) lower = _today;
        var current = g.Status == CaseStatus.Closed ? [] : CurrentChain(g, lower);

        var earlier = g.Status == CaseStatus.Closed
            ? _rng.Weighted<int>([(1, 55), (2, 30), (3, 15)])
            : _rng.Weighted<int>([(0, 45), (1, 35), (2, 15), (3, 5)]);
        if (g.RepeatPlan) earlier = Math.Max(1, earlier);
        if (g.Unborn) earlier = 0;

        var chains = new List<List<Span>>();
        DateOnly laterStart;
        bool laterIsReferral;
        var needCp = g.RepeatPlan;
        if (current.Count > 0)
        {
            laterStart = current[0].Start;
            laterIsReferral = current[0].Kind == InvolvementKind.Assessment;
        }
        else
        {
            var kind = PickChain(g, needCp);
            // A closed family of children under 5 whose last involvement ended in adoption.
            if (!needCp && !g.Unborn && Dates.AgeOn(g.Oldest, _today) is >= 3 and < 8 && AdoptionRng.Chance(AdoptedChance)) kind = ChainKind.AssessmentCareAdopted;
            var chain = MakeChain(kind, _today);
            var length = ChainLength(chain);
            var latestStart = _today.AddDays(-length - 14);
            if (latestStart < lower)
            {
                kind = ChainKind.AssessmentOnly;
                chain = MakeChain(kind, _today);
                length = ChainLength(chain);
                latestStart = _today.AddDays(-length - 14);
                if (latestStart < lower) return;
            }
            var start = _rng.DateBetween(lower, latestStart);
            Shift(chain, start.DayNumber - chain[0].Start.DayNumber);
            chains.Add(chain);
            laterStart = start;
            laterIsReferral = kind != ChainKind.EarlyHelp;
            earlier--;
        }

        for (var j = 0; j < earlier; j++)
        {
            var kind = PickChain(g, needCp && j == 0);
            var chain = MakeChain(kind, _today);
            var length = ChainLength(chain);
            var isReferral = kind != ChainKind.EarlyHelp;
            int back;
            if (isReferral && laterIsReferral && length + 7 < 365 && _rng.Chance(ReReferralChance))
                back = _rng.Between(length + 7, 364);
            else if (isReferral && laterIsReferral)
            {
                var min = Math.Max(366, length + 14);
                back = _rng.Between(min, min + 900);
            }
            else back = length + _rng.Between(14, 900);
            var start = laterStart.AddDays(-back);
            if (start < lower) break;
            Shift(chain, start.DayNumber - chain[0].Start.DayNumber);
            chains.Add(chain);
            laterStart = start;
            laterIsReferral = isReferral;
        }

        for (var i = chains.Count - 1; i >= 0; i--) g.Spans.AddRange(chains[i]);
        g.Spans.AddRange(current);
        if (g.Status == CaseStatus.ChildProtection || g.Spans.Any(s => s.Kind == InvolvementKind.ChildProtection))
            g.CategoryOfAbuse = _rng.Weighted<string>([("neglect", 50.5), ("emotional abuse", 35.7), ("physical abuse", 7.4), ("sexual abuse", 3.8), ("multiple categories", 2.6)]);
    }

    private DateOnly ExpectedBirth(CaseGroup g) =>
        g.Members.Select(m => m.Person.ExpectedDateOfBirth).Where(d => d is not null).Min() ?? _today.AddDays(150);

    // Earlier plans for families whose latest plan has ended come from their own stream, so the
    // choice does not move the draws that shape the rest of the borough's timelines.
    private Random? _repeatRng;
    private Random RepeatRng => _repeatRng ??= new Random(_options.Seed ^ 0x2e9e);

    /// Second or subsequent plans among ALL plans starting in the year (CIN census 2025, D3: 24.5%).
    /// ChooseRepeatPlans gives repeats to children on a plan today, but a quarter or so of the
    /// plans that started in the year have already ended (the child is now in need, closed or in
    /// care); without this those were almost never repeats and the year's figure read about 14%.
    /// Families with such a plan and no earlier one get an earlier closed assessment → plan → child
    /// in need chain before their first involvement, where it fits after the window start and the
    /// eldest child's birth, until the year's plans reach the national share. A quota rather than
    /// a chance per family, so the figure holds whatever the random sequence.
    private void AddEarlierPlans()
    {
        var yearAgo = _today.AddYears(-1);
        bool InYear(Span s) => s.Kind == InvolvementKind.ChildProtection && s.Start > yearAgo && s.Start <= _today;
        static bool Has(ChildPlan m, Span s) => m.Dob is not { } dob || s.End is not { } end || end >= dob;
        int total = 0, repeat = 0;
        var candidates = new List<CaseGroup>();
        foreach (var g in Groups)
        {
            var cps = g.Spans.Where(s => s.Kind == InvolvementKind.ChildProtection).ToList();
            foreach (var m in g.Members)
                for (var i = 0; i < cps.Count; i++)
                {
                    if (!InYear(cps[i]) || !Has(m, cps[i])) continue;
                    total++;
                    if (cps.Take(i).Any(e => Has(m, e))) repeat++;
                }
            if (!g.Unborn && cps.Count == 1 && InYear(cps[0]) && cps[0].End is not null) candidates.Add(g);
        }
        var target = (int)Math.Round(0.245 * total);
        RepeatRng.Shuffle(candidates);
        foreach (var g in candidates)
        {
            if (repeat >= target) break;
            var lower = Dates.Max(_windowStart, g.Oldest);
            var first = g.Spans[0];
            var saved = _rng;
            _rng = RepeatRng;
            try
            {
                var chain = MakeChain(ChainKind.AssessmentCpCin, _today);
                var length = ChainLength(chain);
                var back = first.Kind == InvolvementKind.Assessment && length + 7 < 365 && _rng.Chance(ReReferralChance)
                    ? _rng.Between(length + 7, 364)
                    : Math.Max(366, length + 14) + _rng.Between(0, 700);
                var start = first.Start.AddDays(-back);
                if (start < lower) continue;
                Shift(chain, start.DayNumber - chain[0].Start.DayNumber);
                g.Spans.InsertRange(0, chain);
                var earlier = chain.First(s => s.Kind == InvolvementKind.ChildProtection);
                var plan = g.Spans.Last(s => s.Kind == InvolvementKind.ChildProtection);
                repeat += g.Members.Count(m => Has(m, plan) && Has(m, earlier));
            }
            finally { _rng = saved; }
        }
    }

    private ChainKind PickChain(CaseGroup g, bool forceCp)
    {
        if (forceCp) return ChainKind.AssessmentCpCin;
        // A child now on a first plan cannot have had an earlier one.
        var cpWeight = g.Status == CaseStatus.ChildProtection ? 0 : 8;
        return _rng.Weighted<ChainKind>([(ChainKind.AssessmentOnly, 48), (ChainKind.AssessmentCin, 26), (ChainKind.AssessmentCpCin, cpWeight),
            (ChainKind.EarlyHelp, 16), (ChainKind.AssessmentCareCin, g.Status == CaseStatus.ChildProtection ? 0 : 2)]);
    }

    private static int ChainLength(List<Span> chain) => chain[^1].End!.Value.DayNumber - chain[0].Start.DayNumber;

    private static void Shift(List<Span> chain, int days)
    {
        foreach (var s in chain)
        {
            s.Start = s.Start.AddDays(days);
            s.End = s.End?.AddDays(days);
            for (var i = 0; i < s.Reviews.Count; i++) s.Reviews[i] = s.Reviews[i].AddDays(days);
        }
    }

    /// A closed chain of involvement starting on `start` (the caller moves it into place).
    private List<Span> MakeChain(ChainKind kind, DateOnly start)
    {
        var chain = new List<Span>();
        Span Add(InvolvementKind k, DateOnly from, int days)
        {
            var span = new Span { Kind = k, Start = from, End = from.AddDays(Math.Max(1, days)) };
            span.Reviews.AddRange(Schedule(k, span.Start, span.End.Value).Held);
            chain.Add(span);
            return span;
        }
        switch (kind)
        {
            case ChainKind.AssessmentOnly:
                Add(InvolvementKind.Assessment, start, AssessmentDays(start));
                break;
            case ChainKind.AssessmentCin:
                var a = Add(InvolvementKind.Assessment, start, AssessmentDays(start));
                Add(InvolvementKind.ChildInNeed, a.End!.Value, _rng.Between(60, 540));
                break;
            case ChainKind.AssessmentCpCin:
                var a2 = Add(InvolvementKind.Assessment, start, _rng.Between(10, 40));
                var cp = Add(InvolvementKind.ChildProtection, a2.End!.Value, EndedPlanDays());
                if (_rng.Chance(0.8)) Add(InvolvementKind.ChildInNeed, cp.End!.Value, _rng.Between(60, 240));
                break;
            case ChainKind.EarlyHelp:
                Add(InvolvementKind.EarlyHelp, start, _rng.Between(60, 300));
                break;
            case ChainKind.AssessmentCareCin:
                var a3 = Add(InvolvementKind.Assessment, start, _rng.Between(5, 30));
                var care = Add(InvolvementKind.InCare, a3.End!.Value, _rng.Between(20, 300));
                Add(InvolvementKind.ChildInNeed, care.End!.Value, _rng.Between(90, 240));
                break;
            case ChainKind.AssessmentCareAdopted:
            {
                // Entry to care to adoption order about 2 years 3 months on average (CLA25).
                var a4 = Add(InvolvementKind.Assessment, start, AdoptionRng.Between(5, 30));
                var days = AdoptionRng.Weighted<(int, int)>([((500, 700), 30), ((700, 900), 40), ((900, 1300), 30)]);
                Add(InvolvementKind.InCare, a4.End!.Value, AdoptionRng.Between(days.Item1, days.Item2)).EndsInAdoption = true;
                break;
            }
        }
        return chain;
    }

    /// Assessment length, from the CIN census 2025 distribution of working days (C2).
    private int AssessmentDays(DateOnly start)
    {
        var workingDays = Days([((0, 0), 1.8), ((1, 10), 11.7), ((11, 20), 17.3), ((21, 30), 15.8), ((31, 40), 20.2),
            ((41, 45), 18.9), ((46, 50), 5.8), ((51, 60), 4.3), ((61, 90), 4.2)]);
        var end = Dates.AddWorkingDays(start, workingDays);
        return end.DayNumber - start.DayNumber;
    }

    /// Length of a protection plan that has ended (CIN census 2025, D7).
    private int EndedPlanDays() => Days([((30, 91), 15.9), ((92, 182), 11.0), ((183, 365), 43.5), ((366, 730), 25.2), ((731, 900), 4.4)]);

    /// A number of days from one of several (low, high) bands, chosen by weight.
    private int Days(IReadOnlyList<((int Low, int High) Band, double Weight)> bands)
    {
        var (low, high) = _rng.Weighted(bands);
        return _rng.Between(low, high);
    }

    private List<Span> CurrentChain(CaseGroup g, DateOnly lower)
    {
        var chain = new List<Span>();
        var uasc = g.Members[0].Person.IsUnaccompaniedAsylumSeeker;
        DateOnly Clamp(DateOnly d) => d >= lower ? d : lower.AddDays(_rng.Between(0, Math.Max(0, Math.Min(30, _today.DayNumber - lower.DayNumber))));
        Span Open(InvolvementKind kind, int days)
        {
            var span = new Span { Kind = kind, Start = Clamp(_today.AddDays(-days)) };
            chain.Add(span);
            return span;
        }

        switch (g.Status)
        {
            case CaseStatus.Assessment:
            {
                // 85.7% of assessments finish within 45 working days (about 63 calendar days).
                var span = Open(InvolvementKind.Assessment, _rng.Chance(0.85) ? _rng.Between(0, 62) : _rng.Between(63, 95));
                span.ViaMash = _today.DayNumber - span.Start.DayNumber <= 5 && _rng.Chance(0.7);
                break;
            }
            case CaseStatus.ChildInNeed:
            {
                var span = Open(InvolvementKind.ChildInNeed, Days([((1, 90), 28), ((91, 182), 25), ((183, 365), 25), ((366, 730), 16), ((731, 1100), 6)]));
                ApplyReviews(g, span, lower, canShift: true);
                if (_rng.Chance(0.2) && Precede(chain, InvolvementKind.ChildProtection, _rng.Between(120, 500), lower))
                    Precede(chain, InvolvementKind.Assessment, _rng.Between(10, 40), lower);
                else Precede(chain, InvolvementKind.Assessment, AssessmentDays(span.Start), lower);
                break;
            }
            case CaseStatus.ChildProtection:
            {
                // Open plans by duration at 31 March 2025 (CIN census, D5).
                var span = Open(InvolvementKind.ChildProtection, Days([((0, 91), 31.5), ((92, 182), 25.5), ((183, 365), 26.3), ((366, 730), 14.4), ((731, 900), 2.3)]));
                ApplyReviews(g, span, lower, canShift: true);
                Precede(chain, InvolvementKind.Assessment, _rng.Between(10, 40), lower);
                break;
            }
            case CaseStatus.InCare:
            {
                int days;
                if (uasc)
                {
                    var arrivedFrom = g.Members[0].Dob!.Value.AddYears(14);
                    days = _rng.Between(0, Math.Max(0, _today.DayNumber - Dates.Max(arrivedFrom, lower).DayNumber));
                }
                else days = Days([((0, 182), 16), ((183, 365), 14), ((366, 730), 18), ((731, 1460), 24), ((1461, 2500), 28)]);
                var span = Open(InvolvementKind.InCare, days);
                ApplyReviews(g, span, lower, canShift: true);
                if (uasc) break;
                var route = _rng.Weighted<int>([(0, 45), (1, 25), (2, 15), (3, 15)]);
                if (route == 1 && Precede(chain, InvolvementKind.ChildProtection, _rng.Between(60, 400), lower))
                    Precede(chain, InvolvementKind.Assessment, _rng.Between(10, 40), lower);
                else if (route == 2 && Precede(chain, InvolvementKind.ChildInNeed, _rng.Between(60, 400), lower))
                    Precede(chain, InvolvementKind.Assessment, AssessmentDays(span.Start), lower);
                else if (route != 3) Precede(chain, InvolvementKind.Assessment, _rng.Between(3, 40), lower);
                break;
            }
            case CaseStatus.CareLeaver:
            {
                var child = g.Members[0];
                var birthday18 = child.Dob!.Value.AddYears(18);
                var room = birthday18.DayNumber - lower.DayNumber;
                var careDays = uasc ? _rng.Between(90, Math.Max(90, Math.Min(4 * 365, room))) : _rng.Between(120, Math.Max(120, Math.Min(6 * 365, room)));
                var care = new Span { Kind = InvolvementKind.InCare, Start = birthday18.AddDays(-careDays), End = birthday18 };
                care.Reviews.AddRange(Schedule(care.Kind, care.Start, birthday18).Held);
                chain.Add(care);
                var leaver = new Span { Kind = InvolvementKind.CareLeaver, Start = birthday18 };
                chain.Add(leaver);
                ApplyReviews(g, leaver, lower, canShift: false);
                if (!uasc && _rng.Chance(0.5)) Precede(chain, InvolvementKind.Assessment, _rng.Between(5, 40), lower);
                break;
            }
            case CaseStatus.EarlyHelp:
            {
                var span = Open(InvolvementKind.EarlyHelp, _rng.Chance(0.6) ? _rng.Between(7, 180) : _rng.Between(181, 420));
                ApplyReviews(g, span, lower, canShift: true, chance: 0.1);
                if (_rng.Chance(0.25)) Precede(chain, InvolvementKind.Assessment, AssessmentDays(span.Start), lower);
                break;
            }
        }
        return chain;
    }

    /// Puts a closed span of `days` before the first span of the chain, if it fits after `lower`.
    private bool Precede(List<Span> chain, InvolvementKind kind, int days, DateOnly lower)
    {
        var end = chain[0].Start;
        var start = end.AddDays(-Math.Max(1, days));
        if (start < lower) return false;
        var span = new Span { Kind = kind, Start = start, End = end };
        span.Reviews.AddRange(Schedule(kind, start, end).Held);
        chain.Insert(0, span);
        return true;
    }

    // ---------------------------------------------------------------- reviews

    private sealed record ReviewSchedule(List<DateOnly> Due, List<DateOnly> Held, DateOnly NextDue);

    /// Reviews held from `start` up to `until`. Intervals run from the last review actually held
    /// (timescales.md §1.3): CP conferences at 3 then 6 months (WT 2023); looked-after reviews at
    /// 20 working days, 3 months, then 6 months (CPPCR reg 33); pathway plans 6-monthly; child in
    /// need and early help reviews 3-monthly (local practice).
    private ReviewSchedule Schedule(InvolvementKind kind, DateOnly start, DateOnly until)
    {
        var due = new List<DateOnly>();
        var held = new List<DateOnly>();
        if (kind == InvolvementKind.Assessment) return new(due, held, DateOnly.MaxValue);
        var last = start;
        for (var i = 0; ; i++)
        {
            var next = kind switch
            {
                InvolvementKind.ChildProtection => last.AddMonths(i == 0 ? 3 : 6),
                InvolvementKind.InCare => i == 0 ? Dates.AddWorkingDays(start, 20) : last.AddMonths(i == 1 ? 3 : 6),
                InvolvementKind.CareLeaver => last.AddMonths(6),
                _ => last.AddMonths(3),
            };
            if (next > until) return new(due, held, next);
            var when = Dates.Weekday(_rng.Chance(0.08) ? next.AddDays(_rng.Between(1, 21)) : next.AddDays(-_rng.Between(0, 10)));
            when = Dates.Max(when, Dates.Max(last.AddDays(i == 0 ? 7 : 14), start.AddDays(7)));
            if (when > until) return new(due, held, next);
            due.Add(next);
            held.Add(when);
            last = when;
        }
    }

    /// Reviews of an open span, with some made overdue today: 10 to 15% of statutory items late, so
    /// the overdue lists have content. The span is moved in time rather than a review deleted, so
    /// an overdue review is days or weeks late, not months.
    private void ApplyReviews(CaseGroup g, Span span, DateOnly lower, bool canShift, double chance = ReviewOverdueChance)
    {
        var schedule = Schedule(span.Kind, span.Start, _today);
        var held = schedule.Held;
        if (schedule.NextDue < _today) g.ReviewOverdue = true;
        else if (_rng.Chance(chance))
        {
            var late = _rng.Between(1, 28);
            if (canShift)
            {
                var target = held.Count > 0 ? schedule.Due[held.Count - 1] : schedule.NextDue;
                var delta = _today.AddDays(-late).DayNumber - target.DayNumber;
                var newStart = span.Start.AddDays(delta);
                if (newStart >= lower && newStart < _today)
                {
                    span.Start = newStart;
                    held = held.Take(Math.Max(0, held.Count - 1)).Select(d => d.AddDays(delta)).ToList();
                    g.ReviewOverdue = true;
                }
            }
            else if (held.Count > 0)
            {
                // The start is fixed (an 18th birthday): hold the last review earlier instead.
                var earlier = _today.AddDays(-late).AddMonths(-6);
                var floor = held.Count > 1 ? held[^2].AddDays(30) : span.Start.AddDays(7);
                if (earlier >= floor && earlier < held[^1])
                {
                    held[^1] = Dates.Weekday(earlier);
                    g.ReviewOverdue = true;
                }
            }
        }
        span.Reviews.AddRange(held);
    }

    // ---------------------------------------------------------------- placements

    private void PlanPlacements(CaseGroup g)
    {
        var uasc = g.Members[0].Person.IsUnaccompaniedAsylumSeeker;
        foreach (var span in g.Spans.Where(s => s.Kind == InvolvementKind.InCare))
        {
            var until = span.End ?? _today;
            // Ending in adoption: placed with the adopters about 9 months before the order (CLA25).
            var placed = span.EndsInAdoption ? until.AddDays(-AdoptionRng.Between(150, 400)) : until;
            // Not within AdoptionAfterEntryDays of entry (a recent open period's "nine months before
            // the order" can fall before it began), and not after today: then not yet placed.
            if (span.EndsInAdoption && placed < span.Start.AddDays(AdoptionAfterEntryDays)) placed = span.Start.AddDays(AdoptionAfterEntryDays);
            var placedForAdoption = span.EndsInAdoption && placed < until;
            if (!placedForAdoption) placed = until;
            var changes = PlanMoves(span.Start, placed, until, span.End is null);
            var starts = new List<DateOnly> { span.Start };
            starts.AddRange(changes);
            for (var i = 0; i < starts.Count; i++)
            {
                var last = i == starts.Count - 1;
                var current = last && span.End is null;
                var placement = NewPlacement(g, starts[i], uasc, current, adoptable: current && starts[i] >= span.Start.AddDays(AdoptionAfterEntryDays));
                placement.End = last ? (placedForAdoption ? placed : span.End) : starts[i + 1];
                span.Placements.Add(placement);
            }
            if (placedForAdoption)
            {
                var adopters = NewCarerHousehold(adopters: true);
                var adoptive = new Placement { Kind = PlacementKind.Adoption, Start = placed, End = span.End, Address = adopters.Address,
                    Description = $"adoptive placement with {string.Join(" and ", adopters.Carers.Select(c => c.Name))}" };
                adoptive.Carers.AddRange(adopters.Carers);
                span.Placements.Add(adoptive);
            }
        }
    }

    // Whether a child in care 2.5 years or more settles (PlacementMoves): stratified, open and ended
    // periods apart, so long-term stability holds near England's 69% with 15-20 such children;
    // from their own random stream, so the rest of the borough keeps its draws.
    private Stratified<bool>? _settlesOpen, _settlesEnded;

    private List<DateOnly> PlanMoves(DateOnly start, DateOnly placed, DateOnly until, bool open)
    {
        if (!PlacementMoves.IsLong(start, until)) return PlacementMoves.Plan(_rng, start, placed);
        var settles = open
            ? _settlesOpen ??= new([(true, PlacementMoves.SettledShare), (false, 1 - PlacementMoves.SettledShare)], new Random(_options.Seed ^ 0x5e77))
            : _settlesEnded ??= new([(true, PlacementMoves.SettledShare), (false, 1 - PlacementMoves.SettledShare)], new Random(_options.Seed ^ 0x5e78));
        return PlacementMoves.Plan(_rng, start, placed, settles.Next());
    }

    // Whether a placement in a carer household, children's home or supported accommodation is more
    // than 20 miles from home: stratified, current placements and earlier ones apart, from their own
    // random stream, so the share stays near England's 22% however many moves the plan holds.
    private Stratified<bool>? _farCurrent, _farEarlier;
    private readonly List<Address> _farChildrensHomes = [], _farSupportedHousing = [];
    private readonly List<FosterHousehold> _farHouseholds = [], _nearHouseholds = [];

    /// Share of those placements more than 20 miles away: kinship placements and placements with
    /// parents are nearly all near, so this sits a little above England's 22% (CLA25).
    public const double FarPlacementShare = 0.24;

    private bool NextFar(bool current) => (current
        ? _farCurrent ??= new([(true, FarPlacementShare), (false, 1 - FarPlacementShare)], new Random(_options.Seed ^ 0xd157))
        : _farEarlier ??= new([(true, FarPlacementShare), (false, 1 - FarPlacementShare)], new Random(_options.Seed ^ 0xd158))).Next();

    private Places.Reach NearReach() => _rng.Chance(0.8) ? Places.Reach.Borough : Places.Reach.NearTown;

    /// A child is placed for adoption (A3-A6) no sooner than this after entering care: the agency
    /// decision, the placement order and the match come first (FosteringPart works them back from
    /// the placement), so an adoptive placement at entry would have no decision before it (903 rule 551).
    public const int AdoptionAfterEntryDays = 60;

    private Placement NewPlacement(CaseGroup g, DateOnly start, bool uasc, bool current, bool adoptable)
    {
        var age = Dates.AgeOn(g.Oldest == DateOnly.MaxValue ? start : g.Oldest, start);
        // Placement types at 31 March 2025 (CLA25): foster care 67%, homes 12%, supported 9%,
        // with parents 6%, placed for adoption 2%.
        var kind = uasc
            ? (age >= 16 ? (_rng.Chance(0.6) ? PlacementKind.Supported : PlacementKind.Foster) : (_rng.Chance(0.85) ? PlacementKind.Foster : PlacementKind.ChildrensHome))
            : age >= 16 ? _rng.Weighted<PlacementKind>([(PlacementKind.Foster, 45), (PlacementKind.Supported, 33), (PlacementKind.ChildrensHome, 22)])
            : age >= 12 ? _rng.Weighted<PlacementKind>([(PlacementKind.Foster, 66), (PlacementKind.Kinship, 8), (PlacementKind.ChildrensHome, 22), (PlacementKind.WithParents, current ? 4 : 0)])
            : _rng.Weighted<PlacementKind>([(PlacementKind.Foster, 66), (PlacementKind.Kinship, 18), (PlacementKind.WithParents, current ? 9 : 0),
                (PlacementKind.Adoption, adoptable && age < 5 ? 7 : 0)]);
        if (kind == PlacementKind.Kinship && g.Family.Grandparent is null) kind = PlacementKind.Foster;
        if (kind == PlacementKind.WithParents && g.Family.Mother is null) kind = PlacementKind.Foster;

        var placement = new Placement { Kind = kind, Start = start };
        switch (kind)
        {
            case PlacementKind.Foster:
            case PlacementKind.Adoption:
            {
                var far = NextFar(current);
                var shared = far ? _farHouseholds : _nearHouseholds;
                var household = kind == PlacementKind.Foster && shared.Count > 5 && _rng.Chance(0.3)
                    ? _rng.Pick(shared)
                    : NewCarerHousehold(kind == PlacementKind.Adoption, far);
                placement.Address = household.Address;
                placement.Carers.AddRange(household.Carers);
                var names = string.Join(" and ", household.Carers.Select(c => c.Name));
                placement.Description = kind == PlacementKind.Foster ? $"foster placement with {names}" : $"adoptive placement with {names}";
                break;
            }
            case PlacementKind.Kinship:
            {
                var gp = g.Family.Grandparent!;
                placement.Address = gp.Homes[0].Address;
                placement.Description = $"connected-person placement with {(gp.Person.Sex == Sex.Female ? "grandmother" : "grandfather")} {gp.Name}";
                break;
            }
            case PlacementKind.ChildrensHome:
                placement.Address = NextFar(current)
                    ? PickOrCreate(_farChildrensHomes, Math.Max(4, _options.Children / 800),
                        () => _places.NewNamedBuilding(_places.NewBuildingName("House"), Places.Reach.FarTown))
                    : PickOrCreate(_childrensHomes, Math.Max(8, _options.Children / 400),
                        () => _places.NewNamedBuilding(_places.NewBuildingName("House"), _rng.Chance(0.3) ? Places.Reach.Borough : Places.Reach.NearTown));
                placement.Description = $"{placement.Address.Line1} children's home, {placement.Address.Town}";
                break;
            case PlacementKind.Supported:
                placement.Address = NextFar(current)
                    ? PickOrCreate(_farSupportedHousing, Math.Max(1, _options.Children / 5000),
                        () => _places.NewNamedBuilding(_places.NewBuildingName("Lodge"), Places.Reach.FarTown))
                    : PickOrCreate(_supportedHousing, Math.Max(2, _options.Children / 2500),
                        () => _places.NewNamedBuilding(_places.NewBuildingName("Lodge"), _rng.Chance(0.7) ? Places.Reach.Borough : Places.Reach.NearTown));
                placement.Description = $"supported accommodation at {placement.Address.Line1}";
                break;
            case PlacementKind.WithParents:
                placement.Description = "placement with parents at home";
                break;
        }
        return placement;
    }

    private Address PickOrCreate(List<Address> pool, int size, Func<Address> create)
    {
        if (pool.Count < size && (pool.Count == 0 || _rng.Chance(0.5))) pool.Add(create());
        return _rng.Pick(pool);
    }

    private FosterHousehold NewCarerHousehold(bool adopters, bool? far = null)
    {
        var heritage = _rng.Chance(0.55) ? Heritage.British : _rng.Pick(Enum.GetValues<Heritage>());
        var code = heritage == Heritage.British ? "WBRI" : "NOBT";
        var surname = PickSurname(heritage);
        var address = far is { } f ? _places.NewHome(f ? Places.Reach.FarTown : NearReach()) : _places.NewHome(_rng.Chance(0.56));
        var since = _windowStart.AddYears(-_rng.Between(0, 15));
        var carers = new List<AdultPlan>();
        var first = NewAdult(null, heritage, _rng.Chance(0.85) ? Sex.Female : Sex.Male, _rng.BirthDateForAge(_today, _rng.Between(32, 66)), code, surname);
        carers.Add(first);
        if (adopters || _rng.Chance(0.6))
        {
            var sex = _rng.Chance(0.9) ? (first.Person.Sex == Sex.Female ? Sex.Male : Sex.Female) : first.Person.Sex;
            carers.Add(NewAdult(null, heritage, sex, first.Person.DateOfBirth!.Value.AddDays(_rng.Between(-2000, 2000)), code, surname));
        }
        foreach (var c in carers) c.Homes.Add(new Residence(address, since, null));
        var household = new FosterHousehold(address, carers);
        if (!adopters) _fosterHouseholds.Add(household);
        if (!adopters) (Places.IsFar(address) ? _farHouseholds : _nearHouseholds).Add(household);
        return household;
    }

    // ---------------------------------------------------------------- visits

    /// The longest gap between statutory visits (local standards in timescales.md): every 10
    /// working days on a protection plan, 4 weeks on a child in need plan, 6 weeks in care.
    /// Early help and personal adviser contacts are not statutory visits but follow a rhythm too.
    public static int VisitInterval(InvolvementKind kind) => kind switch
    {
        InvolvementKind.ChildProtection => 14,
        InvolvementKind.ChildInNeed => 28,
        InvolvementKind.InCare => 42,
        InvolvementKind.EarlyHelp => 21,
        InvolvementKind.CareLeaver => 56,
        _ => 0,
    };

    private void PlanVisits(CaseGroup g)
    {
        foreach (var span in g.Spans)
        {
            var until = Dates.Min(span.End ?? _today, _today);
            if (span.Kind == InvolvementKind.Assessment)
            {
                var count = _rng.Between(1, 3);
                for (var i = 0; i < count; i++) span.Visits.Add(Dates.Max(Dates.Weekday(_rng.DateBetween(span.Start, until)), span.Start));
                span.Visits.Sort();
                continue;
            }
            var f = VisitInterval(span.Kind);
            var next = span.Start.AddDays(span.Kind is InvolvementKind.ChildProtection or InvolvementKind.InCare ? _rng.Between(1, 6) : _rng.Between(3, 14));
            next = Dates.Max(Dates.Weekday(next), span.Start);
            while (next <= until)
            {
                span.Visits.Add(next);
                next = _rng.Chance(0.06) ? next.AddDays(f + _rng.Between(1, 12)) : next.AddDays(f - _rng.Between(0, f / 3));
                next = Dates.Max(Dates.Weekday(next), span.Visits[^1].AddDays(1));
            }
            // A child in care is visited within a week of every new placement (CPPCR reg 28).
            foreach (var p in span.Placements.Skip(1))
            {
                var visit = Dates.Max(Dates.Weekday(p.Start.AddDays(_rng.Between(1, 6))), p.Start);
                if (visit <= until) span.Visits.Add(visit);
            }
            span.Visits.Sort();
            for (var i = span.Visits.Count - 1; i > 0; i--) if (span.Visits[i] == span.Visits[i - 1]) span.Visits.RemoveAt(i);
        }
    }

    /// Leaves the latest statutory visit undone, so the next one is overdue today.
    private static void MakeVisitOverdue(CaseGroup g, DateOnly today)
    {
        if (g.Current is not { } span || span.Kind is not (InvolvementKind.ChildProtection or InvolvementKind.ChildInNeed or InvolvementKind.InCare)) return;
        var f = VisitInterval(span.Kind);
        while (span.Visits.Count > 0 && span.Visits[^1].AddDays(f) >= today) span.Visits.RemoveAt(span.Visits.Count - 1);
        g.VisitOverdue = span.Visits.Count > 0 ? span.Visits[^1].AddDays(f) < today : span.Start.AddDays(f) < today;
    }

    // ---------------------------------------------------------------- allocation periods

    private void PlanSegments(CaseGroup g)
    {
        var uasc = g.Members[0].Person.IsUnaccompaniedAsylumSeeker;
        var pieces = new List<(TeamType Type, AllocationKind Kind, DateOnly From, DateOnly? To)>();
        foreach (var span in g.Spans)
        {
            switch (span.Kind)
            {
                case InvolvementKind.EarlyHelp:
                    pieces.Add((TeamType.EarlyHelp, AllocationKind.EarlyHelpWorker, span.Start, span.End));
                    break;
                case InvolvementKind.CareLeaver:
                    pieces.Add((TeamType.LeavingCare, AllocationKind.PersonalAdviser, span.Start, span.End));
                    break;
                case InvolvementKind.Assessment:
                    pieces.Add((span.ViaMash ? TeamType.Mash : TeamType.Assessment, AllocationKind.SocialWorker, span.Start, span.End));
                    break;
                case InvolvementKind.ChildInNeed:
                case InvolvementKind.ChildProtection:
                    pieces.Add((TeamType.Safeguarding, AllocationKind.SocialWorker, span.Start, span.End));
                    break;
                case InvolvementKind.InCare:
                {
                    // Children stay with the safeguarding team through proceedings, then move to a
                    // children in care team; older children and UASC go there from the start.
                    var ageAtStart = g.Oldest == DateOnly.MaxValue ? 0 : Dates.AgeOn(g.Oldest, span.Start);
                    var transfer = uasc || ageAtStart >= 16 ? span.Start : span.Start.AddDays(_rng.Between(150, 330));
                    if (transfer >= (span.End ?? _today)) pieces.Add((TeamType.Safeguarding, AllocationKind.SocialWorker, span.Start, span.End));
                    else
                    {
                        if (transfer > span.Start) pieces.Add((TeamType.Safeguarding, AllocationKind.SocialWorker, span.Start, transfer));
                        pieces.Add((TeamType.ChildrenInCare, AllocationKind.SocialWorker, transfer, span.End));
                    }
                    var iroStart = Dates.Min(span.Start.AddDays(_rng.Between(0, 5)), span.End ?? _today);
                    var iro = new AllocSeg { Kind = AllocationKind.Iro, Type = TeamType.Iro, Start = iroStart, End = span.End };
                    g.Iro.Add(iro);
                    var iroUntil = span.End ?? _today;
                    if (_rng.Chance(0.25) && iroUntil.DayNumber - iroStart.DayNumber > 120)
                    {
                        var change = iroStart.AddDays(_rng.Between(60, iroUntil.DayNumber - iroStart.DayNumber - 30));
                        iro.End = change.AddDays(-1);
                        g.Iro.Add(new AllocSeg { Kind = AllocationKind.Iro, Type = TeamType.Iro, Start = change, End = span.End });
                    }
                    break;
                }
            }
        }

        // Consecutive pieces in the same kind of team usually keep the same worker.
        var merged = new List<(TeamType Type, AllocationKind Kind, DateOnly From, DateOnly? To)>();
        foreach (var p in pieces)
        {
            if (merged.Count > 0 && merged[^1].Type == p.Type && merged[^1].To == p.From && _rng.Chance(0.85))
                merged[^1] = merged[^1] with { To = p.To };
            else merged.Add(p);
        }

        foreach (var p in merged)
        {
            var until = p.To ?? _today;
            var start = p.From;
            while (true)
            {
                var tenure = p.Type switch
                {
                    TeamType.Mash => int.MaxValue / 2,
                    TeamType.ChildrenInCare => _rng.Between(90, 420),
                    TeamType.EarlyHelp => _rng.Between(200, 600),
                    TeamType.LeavingCare => _rng.Between(240, 900),
                    _ => _rng.Between(100, 480),
                };
                if (start.DayNumber + tenure >= until.DayNumber)
                {
                    g.Social.Add(new AllocSeg { Kind = p.Kind, Type = p.Type, Start = start, End = p.To });
                    break;
                }
                var change = start.AddDays(tenure);
                g.Social.Add(new AllocSeg { Kind = p.Kind, Type = p.Type, Start = start, End = change });
                start = change;
            }
        }
        // An allocation ends the day before the next begins.
        for (var i = 0; i < g.Social.Count - 1; i++)
            if (g.Social[i].End is { } end && end >= g.Social[i + 1].Start)
                g.Social[i].End = Dates.Max(g.Social[i].Start, g.Social[i + 1].Start.AddDays(-1));
    }

    // ---------------------------------------------------------------- per child

    private void ClipSpans(ChildPlan child)
    {
        foreach (var span in child.Group.Spans)
        {
            if (child.Dob is not { } dob) { child.Spans.Add(new ChildSpan(span, span.Start)); continue; }
            if (span.End is { } end && end < dob) continue;
            child.Spans.Add(new ChildSpan(span, Dates.Max(span.Start, dob)));
        }
        var first = child.Spans.Count > 0 ? child.Spans[0].Start : _rng.DateBetween(_windowStart, _today);
        child.Person.RecordedAt = At(first, 9, 18);
    }

    private void PlanChildResidences(ChildPlan child)
    {
        var from = child.Dob ?? _today;
        var overrides = new List<Residence>();
        Placement? lastFoster = null;
        foreach (var cs in child.Spans.Where(s => s.Span.Kind == InvolvementKind.InCare))
        {
            foreach (var p in cs.Span.Placements)
            {
                if (p.End is { } pe && pe <= from) continue;
                if (p.Carers.Count > 0)
                    foreach (var carer in p.Carers)
                        CarerRelationships.Add(new RelationshipPlan(carer.Person, child.Person,
                            p.Kind == PlacementKind.Adoption ? RelationshipType.Other : RelationshipType.FosterCarer, false,
                            Dates.Max(p.Start, from), p.End));
                if (p.Address is null) continue;
                overrides.Add(new Residence(p.Address, Dates.Max(p.Start, from), p.End?.AddDays(-1)));
                lastFoster = p.Kind == PlacementKind.Foster ? p : null;
            }
        }
        if (child.Spans.FirstOrDefault(s => s.Span.Kind == InvolvementKind.CareLeaver) is { } leaver)
        {
            // Staying put with former foster carers, or a flat of their own or supported lodgings.
            var address = lastFoster?.Address is { } fa && _rng.Chance(0.5) ? fa : _places.NewHome(_rng.Chance(0.7), flat: true);
            if (overrides.Count > 0 && overrides[^1].End is null) overrides[^1] = overrides[^1] with { End = leaver.Start.AddDays(-1) };
            overrides.Add(new Residence(address, leaver.Start, null));
        }
        if (overrides.Count == 0) return;
        // The family home, except while the child lived in placements (inclusive day ranges).
        const int Open = int.MaxValue;
        var homes = new List<Residence>();
        foreach (var r in child.Homes)
        {
            var pieces = new List<(int From, int To)> { (r.Start.DayNumber, r.End?.DayNumber ?? Open) };
            foreach (var o in overrides)
            {
                var (away, back) = (o.Start.DayNumber, o.End?.DayNumber ?? Open);
                var next = new List<(int From, int To)>();
                foreach (var p in pieces)
                {
                    if (p.To < away || p.From > back) { next.Add(p); continue; }
                    if (p.From < away) next.Add((p.From, away - 1));
                    if (back != Open && p.To > back) next.Add((back + 1, p.To));
                }
                pieces = next;
            }
            foreach (var (start, end) in pieces)
                homes.Add(new Residence(r.Address, DateOnly.FromDayNumber(start), end == Open ? null : DateOnly.FromDayNumber(end)));
        }
        homes.AddRange(overrides);
        child.Homes.Clear();
        foreach (var home in homes.OrderBy(h => h.Start))
        {
            // Staying put after 18 continues the same address rather than starting a new one.
            if (child.Homes.Count > 0 && child.Homes[^1] is { End: { } end } last && last.Address == home.Address && end.AddDays(1) == home.Start)
                child.Homes[^1] = last with { End = home.End };
            else child.Homes.Add(home);
        }
    }

    private void PlanOwnAllocations(ChildPlan child)
    {
        if (child.Group.Current is not { Kind: InvolvementKind.InCare } || child.Dob is not { } dob) return;
        var age = Dates.AgeOn(dob, _today);
        var start = child.Spans[^1].Start;
        // Most school-age children in care have a virtual school officer; some 16-17s a personal adviser.
        if (age is >= 5 and <= 17 && _rng.Chance(0.65))
        {
            var from = Dates.Min(start.AddDays(_rng.Between(0, 40)), _today);
            child.OwnAllocations.Add(new AllocSeg { Kind = AllocationKind.VirtualSchoolOfficer, Type = TeamType.VirtualSchool, Start = from });
        }
        if (age >= 16 && _rng.Chance(0.6))
        {
            var from = Dates.Min(Dates.Max(start, dob.AddYears(16)).AddDays(_rng.Between(0, 60)), _today);
            child.OwnAllocations.Add(new AllocSeg { Kind = AllocationKind.PersonalAdviser, Type = TeamType.LeavingCare, Start = from });
        }
    }

    private DateTime At(DateOnly date, int fromHour, int toHour) =>
        new(date, new TimeOnly(_rng.Between(fromHour, toHour - 1), _rng.Next(60)), DateTimeKind.Utc);
}

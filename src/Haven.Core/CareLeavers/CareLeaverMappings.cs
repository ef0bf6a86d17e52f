using Haven.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.CareLeavers;

internal sealed class PathwayPlanMapping : IEntityTypeConfiguration<PathwayPlan>
{
    public void Configure(EntityTypeBuilder<PathwayPlan> b)
    {
        foreach (var d in Enum.GetValues<PathwayDimension>()) b.Property(d.ToString()).HasMaxLength(CareLeaverService.MaxText);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Child).WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.ChildId).IsUnique();
        b.HasOne(p => p.Plan).WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PathwayReviewMapping : IEntityTypeConfiguration<PathwayReview>
{
    public void Configure(EntityTypeBuilder<PathwayReview> b)
    {
        b.Property(r => r.Summary).HasMaxLength(CareLeaverService.MaxText);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.ReviewedBy).WithMany().HasForeignKey(r => r.ReviewedByWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ChildId, r.ReviewDate });
        b.HasIndex(r => r.SubmissionId).IsUnique();
    }
}

internal sealed class SignificantChangeMapping : IEntityTypeConfiguration<SignificantChange>
{
    public void Configure(EntityTypeBuilder<SignificantChange> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Details).HasMaxLength(CareLeaverService.MaxText);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ChildId, c.EventDate });
        b.HasIndex(c => c.SubmissionId).IsUnique();
    }
}

internal sealed class CareLeaverContactMapping : IEntityTypeConfiguration<CareLeaverContact>
{
    public void Configure(EntityTypeBuilder<CareLeaverContact> b)
    {
        b.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Summary).HasMaxLength(CareLeaverService.MaxText);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ChildId, c.ContactDate });
        b.HasIndex(c => c.SubmissionId).IsUnique();
    }
}

internal sealed class BirthdayReturnMapping : IEntityTypeConfiguration<BirthdayReturn>
{
    public void Configure(EntityTypeBuilder<BirthdayReturn> b)
    {
        b.Property(r => r.InTouchCode).HasMaxLength(4);
        b.Property(r => r.ActivityCode).HasMaxLength(2);
        b.Property(r => r.AccommodationCode).HasMaxLength(2);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ChildId, r.Age }).IsUnique();
    }
}

internal sealed class StayingPutMapping : IEntityTypeConfiguration<StayingPut>
{
    public void Configure(EntityTypeBuilder<StayingPut> b)
    {
        b.ToTable("StayingPutArrangements");
        b.Property(s => s.CarerName).HasMaxLength(200);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.ChildId);
        b.HasIndex(s => s.SubmissionId).IsUnique();
    }
}

internal sealed class CareLeaverDocumentMapping : IEntityTypeConfiguration<CareLeaverDocument>
{
    public void Configure(EntityTypeBuilder<CareLeaverDocument> b)
    {
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.ChildId, d.Kind }).IsUnique();
    }
}

internal sealed class EetPanelDiscussionMapping : IEntityTypeConfiguration<EetPanelDiscussion>
{
    public void Configure(EntityTypeBuilder<EetPanelDiscussion> b)
    {
        b.Property(e => e.OptionsConsidered).HasMaxLength(CareLeaverService.MaxText);
        b.Property(e => e.Action).HasMaxLength(1000);
        b.Property(e => e.Outcome).HasMaxLength(1000);
        b.HasOne(e => e.Child).WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.ActionOwner).WithMany().HasForeignKey(e => e.ActionOwnerWorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.PanelDate, e.ChildId });
        b.HasIndex(e => e.SubmissionId).IsUnique();
    }
}

internal sealed class LocalOfferMapping : IEntityTypeConfiguration<LocalOffer>
{
    public void Configure(EntityTypeBuilder<LocalOffer> b)
    {
        b.Property(o => o.Text).HasMaxLength(20000);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

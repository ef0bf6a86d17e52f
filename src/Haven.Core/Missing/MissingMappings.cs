using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Missing;

internal sealed class MissingEpisodeMapping : IEntityTypeConfiguration<MissingEpisode>
{
    public void Configure(EntityTypeBuilder<MissingEpisode> b)
    {
        b.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.From).HasConversion<string>().HasMaxLength(8);
        b.Property(e => e.Risk).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.WhereFrom).HasMaxLength(MissingService.MaxPlace);
        b.Property(e => e.WhereFound).HasMaxLength(MissingService.MaxPlace);
        b.Property(e => e.PoliceReference).HasMaxLength(50);
        b.Property(e => e.WhatHappened).HasMaxLength(MissingService.MaxText);
        b.Property(e => e.ReportedBy).HasMaxLength(200);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.ChildId, e.StartedAt });
        // Take-up and due work read episodes by return time across the whole borough.
        b.HasIndex(e => e.ReturnedAt);
        b.HasIndex(e => e.SubmissionId).IsUnique();
        b.HasOne(e => e.Child).WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Interview).WithOne(i => i.Episode).HasForeignKey<ReturnHomeInterview>(i => i.MissingEpisodeId);
    }
}

internal sealed class ReturnHomeInterviewMapping : IEntityTypeConfiguration<ReturnHomeInterview>
{
    public void Configure(EntityTypeBuilder<ReturnHomeInterview> b)
    {
        b.Property(i => i.OfferedBy).HasMaxLength(200);
        b.Property(i => i.Response).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.DeclinedReason).HasMaxLength(MissingService.MaxText);
        b.Property(i => i.PushFactors).HasMaxLength(MissingService.MaxText);
        b.Property(i => i.PullFactors).HasMaxLength(MissingService.MaxText);
        b.Property(i => i.PeopleAndPlaces).HasMaxLength(MissingService.MaxText);
        b.Property(i => i.ExploitationIndicators).HasMaxLength(MissingService.MaxText);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => i.MissingEpisodeId).IsUnique();
    }
}

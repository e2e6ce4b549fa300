"""gapfinder's default taxonomy (data only): skills, certifications, degrees and career ladders."""

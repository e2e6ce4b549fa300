"""The analysis pipeline, one module per kind of document over a shared first half.

``findings`` reads what every document yields (normalised text, sections, skills, certifications, education,
leadership, a headline) and assembles the report; ``resume_report`` adds the dated experience, the placement,
the gap to a level or a job and the plan; ``job_report`` adds the requirements and the level the post asks
for. ``gapfinder.Engine`` checks the arguments, owns the compiled taxonomy and calls these.
"""

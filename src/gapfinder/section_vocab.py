"""The words of section headings (data for ``gapfinder.sections``): heading phrases per section, for resumes
and job posts, head nouns with their modifiers, and which headings stay sub-labels inside which sections.

Phrases are written as people write them and separated by "|"; ``sections`` matches them as keys (letters only,
lower case, without "and"), so spelling variants of case and punctuation need no entry of their own.
"""

from __future__ import annotations

from .models import SectionName

#: resume headings, section -> phrases separated by "|"
RESUME_PHRASES: dict[SectionName, str] = {
    "summary": "summary|profile|professional summary|professional profile|career summary|executive summary|"
    "summary of qualifications|qualifications summary|key qualifications|career profile|personal profile|"
    "personal statement|profile summary|about me|about|objective|career objective|professional objective|"
    "job objective|overview|introduction|bio|highlights|career highlights|summary of skills|who i am",
    "experience": "experience|experiences|work experience|professional experience|employment|"
    "employment history|work history|career history|professional history|job history|relevant experience|"
    "professional background|career|positions|positions held|work|internships|internship|research|"
    "experience and internships|research and teaching|professional career|employment record|"
    "work and leadership experience",
    "education": "education|academic background|educational background|academics|academic history|"
    "education and training|qualifications|academic qualifications|educational qualifications|"
    "education and qualifications|training|degrees|schooling|coursework|relevant coursework|courses|"
    "academic profile|academic record|academic credentials|education history",
    "skills": "skills|skill set|skillset|skills summary|technical skills|core competencies|competencies|"
    "key skills|technologies|technology|tech stack|technology stack|tools|tools and technologies|"
    "technologies and tools|expertise|areas of expertise|technical expertise|technical proficiencies|"
    "proficiencies|programming|programming languages|languages and technologies|languages and tools|"
    "computer skills|it skills|software|technical summary|strengths|key strengths|abilities|knowledge|"
    "technical knowledge|toolbox|stack|frameworks|skills and tools|skills and expertise|"
    "skills and abilities|technical competencies|core skills|capabilities",
    "certifications": "certifications|certification|certificates|certificate|licenses|licences|"
    "licenses and certifications|licences and certifications|certifications and licenses|"
    "courses and certifications|certifications and courses|certifications and training|"
    "training and certifications|trainings|professional certifications|credentials|accreditations|"
    "professional development|continuing education",
    "projects": "projects|personal projects|side projects|selected projects|key projects|academic projects|"
    "open source|open source contributions|open source projects|portfolio|project experience|"
    "research projects|notable projects|project|technical projects|projects and research",
    "publications": "publications|papers|selected publications|research papers|patents|"
    "publications and patents|patents and publications|conference papers|journal articles|talks|"
    "presentations|talks and presentations|speaking|conference talks|publications and talks|"
    "research and publications",
    "awards": "awards|honors|honours|achievements|accomplishments|awards and honors|honors and awards|"
    "awards and achievements|achievements and awards|recognition|recognitions|scholarships|distinctions|"
    "fellowships|grants|awards and recognition|honors and achievements|key achievements",
    "languages": "languages|spoken languages|language skills|foreign languages|language proficiency|"
    "linguistic skills|language",
    "interests": "interests|hobbies|hobbies and interests|interests and hobbies|personal interests|"
    "activities|extracurricular activities|extra curricular activities|extracurriculars|"
    "outside interests|pastimes|leisure",
    "references": "references|referees|references available upon request|reference",
    "other": "additional information|additional|volunteering|volunteer experience|"
    "volunteer work|community service|community involvement|leadership|leadership and activities|"
    "memberships|professional memberships|affiliations|professional affiliations|associations|"
    "miscellaneous|misc|other|other information|personal details|personal information|personal data|"
    "contact|contact information|contact details|contact me|links|social|declaration|involvement|"
    "campus involvement|on campus involvement|community|leadership and involvement",
}

#: job-post headings; they win over the resume phrases remapped by JOB_REMAP
JOB_PHRASES: dict[SectionName, str] = {
    "job_summary": "about the role|about this role|about the job|about this job|about the position|"
    "about the opportunity|the role|the opportunity|the position|role|position|job description|"
    "description|overview|role overview|position overview|job overview|position summary|job summary|"
    "role summary|summary|role description|position description|the job|the team and role|introduction|"
    "job brief|mission|the mission|the challenge|"
    # the team the role joins: its stack and its work are part of the job, not about the company
    "about the team|the team|our team|meet the team|your team|the team you'll join",
    "responsibilities": "responsibilities|key responsibilities|main responsibilities|job responsibilities|"
    "primary responsibilities|role responsibilities|your responsibilities|duties|duties and "
    "responsibilities|responsibilities and duties|key duties|job duties|essential duties|"
    "essential functions|what you'll do|what you will do|what you'll be doing|what you will be doing|"
    "what you will work on|what you'll work on|your role|your mission|your impact|your tasks|tasks|"
    "in this role you will|in this role you'll|day to day|your job|what will you be doing|what will you do|"
    "what would you do|what would you be doing|what you would do|what you'll be working on|"
    "what does the job involve|the job you'll do|a day in the life|the work|"
    "what the job involves|what you'll achieve|how you'll make an impact|responsibilities include",
    "requirements": "requirements|job requirements|key requirements|minimum requirements|qualifications|"
    "minimum qualifications|basic qualifications|required qualifications|requirements and "
    "qualifications|qualifications and requirements|required skills|required experience|skills|"
    "experience|education|skills and experience|skills and qualifications|experience and skills|"
    "what you bring|what you'll bring|what you will bring|what we're looking for|what we are looking for|"
    "who we're looking for|who we are looking for|who you are|about you|you have|you are|you|"
    "must have|must haves|must have skills|your profile|profile|your skills|your experience|"
    "ideal candidate|the ideal candidate|what you need|what you'll need|what you will need|"
    "what it takes|knowledge skills and abilities|what will you bring|what do you bring|what are we looking for|"
    "what we expect|what do we expect|what we expect from you|what you should bring|competencies|key skills|"
    "technical requirements|"
    "you should have|you will have|you'll have|you might be a fit if|is this you|candidate profile|"
    "tech stack|our stack|technologies|technology stack|tools|certifications|skills required|"
    "experience required|education required|qualifications required|required education|"
    "education and experience|experience and education|position requirements|role requirements",
    "preferred": "preferred qualifications|preferred skills|preferred experience|preferred requirements|"
    "preferred|nice to have|nice to haves|nice to have skills|bonus points|bonus|bonus points if|"
    "pluses|plus|big plus|desired skills|desired qualifications|desired experience|desirable|"
    "desirable skills|additional qualifications|good to have|extra credit|even better if|"
    "ideally you have|ideally|optional|it's a plus|it would be great if|would be great|"
    "bonus if you have|what would make you stand out|stand out if|preferred but not required",
    "benefits": "benefits|perks|perks and benefits|benefits and perks|what we offer|what we provide|"
    "compensation|compensation and benefits|salary|pay|pay range|salary range|why join us|why us|"
    "why work with us|why you'll love working here|what's in it for you|what you'll get|"
    "what you get|our offer|we offer|total rewards|rewards|job benefits|our benefits|employee benefits|"
    "the benefits|benefits include|our perks|the perks|perks include|what we offer you|we offer you|"
    "what we can offer|what we can offer you|in return|in return we offer|"
    "what you can expect from us|why join|why you should join|why should you join|benefits and compensation|"
    "what we give|what's in it for me|perks of working with us|why you'll love it here|salary and benefits",
    "company": "about us|about the company|who we are|what we do|what do we do|our mission|our culture|"
    "our company|our story|"
    "our values|company overview|company description|the company|company profile|company information|"
    "company info|about our client|our client|the client|about the client|who are we|"
    "equal opportunity|equal opportunity employer|equal employment opportunity|eeo statement|eeo|"
    "equal opportunities|equal employment|diversity|diversity and inclusion|diversity equity and inclusion|"
    "inclusion|diversity statement|our commitment to diversity|life at|culture",
    "application": "how to apply|application process|hiring process|interview process|next steps|"
    "to apply|apply|apply now|ready to apply|what happens next|the process|our process|"
    "recruitment process|our hiring process|privacy notice|privacy policy|data protection|data privacy|"
    "privacy|gdpr|applicant privacy notice|disclaimer|note to recruiters|note to agencies|recruiters|"
    "agencies|accommodations|reasonable accommodations|accessibility",
    "other": "additional information|other information|location|work location|additional details",
}
#: job-post sections about the employer, its offer or the application, not about the role
CONTEXT_SECTIONS: frozenset[SectionName] = frozenset({"benefits", "company", "application"})
#: a line that turns to the role ends a context section ("About us" ... "Your role in the team: ..."): cues
#: searched anywhere in the line (any case) and cues that must start one of its sentences (case-sensitive)
ROLE_CUES = (
    r"(?i:\byou(?: will|'ll|’ll) (?:(?:work|build|design|develop|lead|own|drive|create|collaborate|partner|manage|"
    r"implement|deliver|maintain|write|analy[sz]e|define|architect|report|join|contribute|shape|be responsible|"
    r"be tasked|be expected|be focused|be working (?:on|with)|be building|be leading|be joining)\b)"
    r"|\byou (?:must|should) (?:have|be|know|bring)\b"
    r"|\bwe(?: are|'re|’re)(?: \w+)? (?:looking|searching|seeking|hiring) for\b"
    r"|\b(?:is|are|will be|position|role) responsible for\b"
    r"|\bthe (?:ideal|successful|right) (?:candidate|applicant|person)\b"
    r"|\bthe incumbent\b"
    r"|\b(?:this|the) (?:role|position|job) (?:is|will|requires|involves|includes|reports)\b"
    r"|\bin this (?:role|position)\b"
    r"|\byour (?:role|responsibilities|tasks|day-to-day)\b)"
    r"|(?:(?<![^\n])|(?<=[.:!?] ))\W{0,3}(?:You (?:are|have|bring|know)\b|(?:Are|Do|Have|Can) you\b"
    r"|(?:Experience|Knowledge|Proficiency|Familiarity|Understanding) (?:with|in|of)\b|Ability to\b"
    r"|(?:Bachelor|Master)['’]?s?\b|B\.S\.|M\.S\.|Ph\.?D\b"
    r"|(?:Key )?(?:Responsibilities|Requirements|Qualifications)\b"
    r"|As (?:a|an|the|our|part of) (?:[\w/+#.,&-]+ ){0,8}?(?:you|you'll|you’ll|you will)\b)"
)
#: the last words of a job-post heading that asks for something ("To land this job, you need:")
REQUIREMENT_TAILS = (
    "you need|you'll need|you will need|you have|you bring|you'll bring|we need|we're looking for|"
    "we are looking for|you should have|you must have|you should bring"
)
#: job-post headings that label one value ("Salary: $120k", "Location\nBerlin"): the section ends with the value
FIELD_PHRASES = "salary|pay|pay range|salary range|compensation|location|work location|job location"
#: resume headings that are no headings in a job post ("Career" and "Training" head perks there, not requirements)
NOT_JOB_HEADINGS = "career|work|positions|research|internships|internship|employment|training|courses|bio|highlights"
#: words that make a short job-post heading a benefits heading wherever they stand ("What we'll offer you")
BENEFIT_WORDS = "offer offers benefits perks"
#: a line that starts like this states what the employer offers: benefits start there, heading or not
OFFER_LINE = (
    r"(?:We (?:also |can |will |additionally )?offer\b|We (?:also |can |will )?provide you\b"
    r"|In return,? we (?:offer|provide)\b)"
    r"(?! (?:\w+ ){0,3}?(?:solutions?|services?|products?|software|platforms?|tools?|consulting)\b)"
)
JOB_REMAP: dict[str, SectionName] = {
    "summary": "job_summary",
    "experience": "requirements",
    "education": "requirements",
    "skills": "requirements",
    "certifications": "requirements",
    "languages": "requirements",
}

#: "<modifiers> <head noun>": section -> head nouns; the line names the section of its head noun when
#: every word before it is a known modifier ("Relevant Technical Experience")
HEAD_NOUNS: dict[SectionName, str] = {
    "experience": "experience experiences history employment",
    "skills": "skills skill competencies expertise technologies tools proficiencies",
    "education": "education coursework courses",
    "projects": "projects",
    "publications": "publications papers patents talks",
    "awards": "awards honors honours achievements accomplishments",
    "certifications": "certifications certificates licenses",
    "languages": "languages",
    "interests": "interests hobbies activities",
    "summary": "summary profile objective",
    "references": "references",
    # job posts only
    "responsibilities": "responsibilities duties",
    "requirements": "requirements qualifications",
    "benefits": "benefits perks",
}
JOB_ONLY: frozenset[SectionName] = frozenset({"responsibilities", "requirements", "benefits"})
MODIFIERS = (
    "professional work relevant technical core key selected select additional other academic research "
    "teaching industry personal soft hard computer programming software it language leadership notable "
    "recent side open source career prior previous related engineering management consulting freelance "
    "military major featured main primary functional transferable interpersonal analytical business "
    "domain data cloud web design creative clinical lab laboratory field executive brief short general "
    "detailed full complete international internship volunteer extracurricular community university "
    "college graduate undergraduate postgraduate school high honors my our your the this role job "
    "position basic minimum required essential specific important must preferred desired desirable "
    "bonus optional nice plus good"
)
#: in a job post, a requirement heading with one of these modifiers is a preferred one
PREFERRED_MODIFIERS = "preferred desired desirable bonus optional nice plus good additional"
#: one-word headings strong enough to count inside flattened text ("... 2015 EDUCATION State ...")
FLAT_SINGLE_WORDS = (
    "experience experiences employment education skills summary objective profile projects publications "
    "awards honors honours certifications certificates languages interests hobbies references "
    "accomplishments achievements competencies expertise qualifications strengths coursework "
    "volunteering affiliations memberships declaration responsibilities requirements benefits"
)
#: inline headings ("Label: content") that stay sub-labels inside these resume sections (None: all)
INLINE_SUBLABELS: dict[SectionName, frozenset[SectionName] | None] = {
    "experience": None,
    "projects": None,
    "skills": frozenset({"languages", "other", "summary", "experience", "education", "projects"}),
    "education": frozenset({"awards", "other", "skills", "projects", "summary"}),
}
#: standalone headings written "Label:" (not in capitals) that stay sub-labels inside these sections
STANDALONE_SUBLABELS: dict[SectionName, frozenset[SectionName]] = {
    "experience": frozenset({"awards"}),
    "projects": frozenset({"awards"}),
}

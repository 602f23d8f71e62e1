-- Reference data for the catalogue: the four evidence citations, the ten exercises of the hamstring return-to-run framework with their structured doses, and the exercise-to-citation links.

-- ---------------------------------------------------------------------------
-- Citations (DOIs only where verified; askling-2012 has none on purpose)
-- ---------------------------------------------------------------------------

INSERT INTO citation (id, authors, title, journal, year, volume, issue, pages, doi, pmid, findings, note)
VALUES (
    'askling-2013',
    'Askling CM, Tengvar M, Thorstensson A',
    'Acute hamstring injuries in Swedish elite football: a prospective randomised controlled clinical trial comparing two rehabilitation protocols',
    'Br J Sports Med',
    2013, '47', '15', '953-9',
    '10.1136/bjsports-2013-092165',
    NULL,
    'Randomised trial of 75 elite footballers with MRI-verified acute hamstring injuries: 37 were assigned the lengthening (L) protocol and 38 the conventional (C) protocol. '
    || 'Mean time back to full team training was 28 days (SD 15, range 8-58) for L against 51 days (SD 21, range 12-94) for C. '
    || 'Only one re-injury occurred, and it was in the C group. '
    || 'Stretching-type injuries needed longer than sprinting-type injuries under both protocols: 43 vs 23 days with L, 74 vs 41 days with C.',
    'The article quotes 52 days for the conventional protocol, whereas the paper''s abstract reports 51; the paper''s figure (51) is the one used here. '
    || 'The statement that the Glider reaches up to 60% MVC at hip and knee angles resembling late swing comes from the article, not from the results of this trial.'
);

INSERT INTO citation (id, authors, title, journal, year, volume, issue, pages, doi, pmid, findings, note)
VALUES (
    'freeman-2019',
    'Freeman BW, Young WB, Talpey SW, Smyth AM, Pane CL, Carlon TA',
    'The effects of sprint training and the Nordic hamstring exercise on eccentric hamstring strength and sprint performance in adolescent athletes',
    'J Sports Med Phys Fitness',
    2019, '59', '7', '1119-1125',
    '10.23736/S0022-4707.18.08703-0',
    NULL,
    'Over four weeks, Nordic hamstring training increased eccentric hamstring strength by 9.8%, compared with a 6.2% increase from sprint training alone.',
    NULL
);

INSERT INTO citation (id, authors, title, journal, year, volume, issue, pages, doi, pmid, findings, note)
VALUES (
    'mendiguchia-2020',
    'Mendiguchia J, Conceicao F, Edouard P, et al.',
    'Sprint versus isolated eccentric training: comparative effects on hamstring architecture and performance in soccer players',
    'PLoS One',
    2020, '15', '2', 'e0228283',
    '10.1371/journal.pone.0228283',
    '32045411',
    'In soccer players, sprint training led to changes in the architecture of the biceps femoris long head, so sprinting works as a training stimulus for the hamstring and not only as a test of readiness.',
    NULL
);

INSERT INTO citation (id, authors, title, journal, year, volume, issue, pages, doi, pmid, findings, note)
VALUES (
    'askling-2012',
    'Askling CM, Malliaropoulos N, Karlsson J',
    'High-speed running type or stretching-type of hamstring injuries makes a difference to treatment and prognosis',
    'Br J Sports Med',
    2012, '46', '2', '86-7',
    NULL,
    NULL,
    'Hamstring injuries from high-speed running and those from stretching are two distinct types that call for different treatment and carry different prognoses; the stretching type generally takes longer to recover.',
    NULL
);

-- ---------------------------------------------------------------------------
-- Exercises (dose columns follow the dosage contract; pain ceiling 3/10 throughout)
-- ---------------------------------------------------------------------------

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'isometric-heel-press', 1, 'Isometric Hold', 1,
    'Pain relief and neuromotor control: isometric hold at about 30 degrees of knee flexion',
    'Lie on your back and rest the heel of the injured leg on a chair or bench so that the knee is bent by roughly 30 degrees. '
    || 'Press the heel down and back into the surface without letting the leg move at all, and keep that tension steady for 30 to 45 seconds. '
    || 'Breathe normally throughout and ease off if the effort takes pain above 3 out of 10.',
    'Chosen on clinical grounds rather than from a trial: a static contraction tends to settle irritable tissue and rebuilds control without putting the injured area under stretch. '
    || 'Phase 2 opens from day 7 once this hold and the Extender have both been done at full dose without pain in recent sessions.',
    3, NULL, NULL, 30, 45,
    NULL, NULL, FALSE, NULL,
    2, 2, 'DAY', 3,
    'No movement at the knee; keep pain at or below 3/10'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'extender', 2, 'Extender', 1,
    'Early eccentric loading at short hamstring length: slow knee extension with the thigh held upright',
    'Lying on your back, keep the uninjured leg flat and raise the injured thigh until it points at the ceiling, with the knee bent at a right angle. '
    || 'Without letting the thigh drift, take about three seconds to straighten the knee, going only as far as feels comfortable. '
    || 'Bend the knee back to the start and repeat, keeping every repetition slow and steady.',
    'The first of the L-protocol exercises, well tolerated early on because the hamstring works at a relatively short length. '
    || 'If the end of the movement is sore, stop short of it rather than pushing through; progression to Phase 2 needs pain-free sessions at full dose.',
    3, 12, 12, NULL, NULL,
    NULL, NULL, FALSE, 3,
    1, 1, 'DAY', 3,
    'Never force the range; about 3 s on the way out'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'glider', 3, 'Glider', 2,
    'Eccentric loading at long hamstring length in a late-swing position: slow single-leg hip hinge',
    'Balance on one leg with that knee almost straight, using a wall or rail for light support if you need it. '
    || 'Over about four seconds, tip your trunk forward from the hips while the free leg slides or reaches back behind you, so the hamstring of the standing leg lengthens as you go down. '
    || 'Rise back up with the same control, and never bounce at the bottom.',
    'The Diver is added only once the Glider and the SL RDL have been pain-free at full range for several sessions in a row. '
    || 'If the deepest part of the range hurts, shorten the range rather than speeding up.',
    3, 8, 8, NULL, NULL,
    NULL, NULL, TRUE, 4,
    3, 3, 'WEEK', 3,
    'Slow and controlled throughout; 4 s down, no bouncing'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'single-leg-rdl', 4, 'Single-Leg Romanian Deadlift (SL RDL)', 2,
    'Long-length eccentric strength under external load: weighted single-leg hip hinge',
    'Stand on the injured leg with a slight bend in the knee and hold a light dumbbell or kettlebell in the opposite hand. '
    || 'Taking about three seconds, hinge at the hips and let the weight travel towards the floor while the other leg lifts out behind you. '
    || 'Go down only as far as your back stays flat, then return to standing.',
    'Included on clinical reasoning about loading the hamstring at length rather than on a specific trial. '
    || 'Increase the weight in small steps once every set is pain-free at full range; together with the Glider it decides when the Diver can start.',
    3, 10, 10, NULL, NULL,
    NULL, NULL, FALSE, 3,
    3, 3, 'WEEK', 3,
    'Add load progressively; keep the back neutral'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'nordic-assisted', 5, 'Nordic (assisted)', 2,
    'Eccentric hamstring strength: Nordic lowering with anchored ankles and a short lever',
    'Kneel on a mat with your ankles fixed under something heavy, such as a sofa, or held down by a partner. '
    || 'Keeping hips and trunk in one straight line, lean forward as slowly as your hamstrings allow, then put your hands down to stop the fall and push yourself back up to kneeling. '
    || 'In the early weeks keep your hands close to your knees, which shortens the lever and keeps the load manageable.',
    'Move the hands further from the knees and lower further as control improves; the full Nordic takes over in Phase 3.',
    3, 6, 8, NULL, NULL,
    NULL, NULL, FALSE, NULL,
    3, 3, 'WEEK', 3,
    'Hands near the knees at first to shorten the lever; fully controlled descent'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'diver', 6, 'Diver', 3,
    'Eccentric loading at maximum muscle-tendon length: deep single-leg hinge with the arms reaching forward',
    'Stand on the injured leg and stretch both arms out in front of you. '
    || 'Hinge forward from the hip as the other leg rises behind you, aiming for one long line from fingertips to heel, and go as deep as you can while staying steady. '
    || 'Come back up slowly; this is the deepest hinge in the programme, so range only counts if you control all of it.',
    'Only start once the Glider and SL RDL are consistently pain-free at full range. '
    || 'The hardest of the three L-protocol exercises: build full range with complete control before adding anything else.',
    3, 8, 8, NULL, NULL,
    NULL, NULL, FALSE, NULL,
    3, 3, 'WEEK', 3,
    'Full range with complete control'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'nordic-full', 7, 'Nordic (full)', 3,
    'Full eccentric demand through the whole range: bodyweight Nordic lowered to the floor',
    'Set up as for the assisted Nordic, with your ankles held firmly. '
    || 'Keep your hips extended and lower your body all the way towards the floor under hamstring control, using your hands only to cushion the last moment before the floor. '
    || 'Push back up to kneeling and reset before the next repetition.',
    'Follows on from the assisted Nordic. Its rationale is the wider Nordic research linking the exercise to longer biceps femoris long head fascicles rather than a single cited trial. '
    || 'Progress by controlling more of the descent before the hands take over.',
    4, 8, 8, NULL, NULL,
    NULL, NULL, FALSE, NULL,
    3, 3, 'WEEK', 3,
    'Full range of motion; hands only for the final catch'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'walkouts', 8, 'Walkouts (knee drive into long reaching stride)', 3,
    'Dynamic eccentric control of the swinging leg: knee drive into a long reaching stride',
    'Begin upright. Raise one knee until the thigh is level with your hip, then swing the lower leg forward and step into a long stride, leaning slightly forward with a flat back. '
    || 'Use the hamstring of the front leg to brake the reach and absorb the landing, then carry on with the other leg. '
    || 'Walk through the set at a steady, deliberate pace rather than a run.',
    'Chosen on clinical grounds: it links isolated eccentric work to running by training the braking of the swing leg at low speed. '
    || 'Keep it pain-free alongside the Diver and the full Nordic before any sprint drills begin.',
    3, 10, 10, NULL, NULL,
    NULL, NULL, TRUE, NULL,
    1, 1, 'DAY', 3,
    'Part of the daily warm-up; controlled stride'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'a-skips', 9, 'A-skips and high knees', 4,
    'Sprint mechanics: fast, cyclical knee drive with ground contact on the ball of the foot',
    'Skip forward rhythmically, lifting each knee high and setting the foot down on its ball beneath you, with the trunk tipped slightly forward. '
    || 'When A-skips feel easy, cover the same distance with high-knee running instead. '
    || 'Stay relaxed and keep the rhythm even from one rep to the next.',
    'Do these in the warm-up before a run. '
    || 'A pull or tightness at any point means stopping and going back to Phase 3.',
    3, NULL, NULL, NULL, NULL,
    20, 20, FALSE, NULL,
    3, 4, 'WEEK', 3,
    'Smooth and controlled, never forced; part of the run warm-up'
);

INSERT INTO exercise (slug, number, name, phase, focus, instructions, progression_note,
                      sets, reps_min, reps_max, hold_seconds_min, hold_seconds_max,
                      distance_metres_min, distance_metres_max, per_side, lower_seconds,
                      frequency_times_min, frequency_times_max, frequency_per, pain_ceiling, dosage_notes)
VALUES (
    'sprint-build-ups', 10, 'Progressive Sprint Build-Ups', 4,
    'Return to maximal running speed: graded sprint efforts that load the biceps femoris long head at speed',
    'After a full warm-up, run accelerations of 40 to 60 m at your current effort level, starting at about 60% of your maximum. '
    || 'Walk back after each one so you recover fully before the next. '
    || 'Build speed smoothly over the first strides rather than exploding from a standstill.',
    'Effort steps up 60% -> 80% -> 90% -> 100% over 2-3 weeks; move up only after pain-free sessions at the current level. '
    || 'Return to running is cleared only with repeated pain-free efforts at 90% or more, and a pull or tightness means going back to Phase 3.',
    1, 6, 8, NULL, NULL,
    40, 60, FALSE, NULL,
    NULL, NULL, NULL, 3,
    'Sessions follow the sprint ladder: 60%, 80%, 90%, then 100% effort over two to three weeks'
);

-- ---------------------------------------------------------------------------
-- Which claim each citation supports, per exercise (exercises 1, 4, 7 and 8 rest on clinical rationale)
-- ---------------------------------------------------------------------------

INSERT INTO exercise_citation (exercise_slug, citation_id, position, claim) VALUES
    ('extender', 'askling-2013', 1,
     'One of the three L-protocol exercises; the L-protocol group returned to full team training in a mean of 28 days against 51 for the conventional protocol.'),
    ('glider', 'askling-2013', 1,
     'A core L-protocol exercise; according to the article (not the trial), it reaches up to 60% MVC at hip and knee angles close to those of late swing.'),
    ('diver', 'askling-2013', 1,
     'The most demanding of the L-protocol exercises, loading the hamstring at its greatest length.'),
    ('nordic-assisted', 'freeman-2019', 1,
     'Four weeks of Nordic training raised eccentric hamstring strength by 9.8%, against 6.2% for sprint training alone.'),
    ('a-skips', 'mendiguchia-2020', 1,
     'Sprint training changed biceps femoris long head architecture, which supports fast running drills as part of the rehab.'),
    ('sprint-build-ups', 'mendiguchia-2020', 1,
     'Sprint training changed biceps femoris long head architecture, so graded sprinting is a training stimulus as well as a test.');

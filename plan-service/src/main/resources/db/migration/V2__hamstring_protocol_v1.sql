-- The hamstring return-to-run framework, version 1. Day 1 is the injury date; each phase's gate is what
-- must hold to move into it. A change to any figure here is published as version 2, never as an edit.

INSERT INTO protocol (id, version, definition) VALUES ('hamstring-return-to-run', 1, '{
  "name": "Hamstring return to run",
  "summary": "A four-phase loading programme for runners with a confirmed grade 1 or 2 hamstring muscle strain, from early pain-free loading to full-speed sprints. Phases follow one another without skipping; each opens on its earliest day at the soonest, and only when its gate is met.",
  "phases": [
    {
      "number": 1,
      "name": "Early Loading",
      "window": "Days 1-7",
      "nominalStartDay": 1,
      "nominalEndDay": 7,
      "earliestDay": 1,
      "goal": "Move without pain and put early load through the hamstring, keeping pain at 3/10 or below all the time.",
      "exercises": ["isometric-heel-press", "extender"],
      "gate": null
    },
    {
      "number": 2,
      "name": "Eccentric Foundation",
      "window": "Days 7-21",
      "nominalStartDay": 7,
      "nominalEndDay": 21,
      "earliestDay": 7,
      "goal": "Build eccentric strength with the hamstring working at longer lengths.",
      "exercises": ["glider", "single-leg-rdl", "nordic-assisted"],
      "gate": {
        "streaks": [
          {"exercise": "isometric-heel-press", "sessions": 2, "fullRange": false},
          {"exercise": "extender", "sessions": 2, "fullRange": false}
        ],
        "easyRun": null
      }
    },
    {
      "number": 3,
      "name": "Load & Architecture",
      "window": "Weeks 3-5",
      "nominalStartDay": 15,
      "nominalEndDay": 35,
      "earliestDay": 15,
      "goal": "Add load, lengthen the muscle fibres and gain control of the leg in motion.",
      "exercises": ["diver", "nordic-full", "walkouts"],
      "gate": {
        "streaks": [
          {"exercise": "glider", "sessions": 3, "fullRange": true},
          {"exercise": "single-leg-rdl", "sessions": 3, "fullRange": true},
          {"exercise": "nordic-assisted", "sessions": 3, "fullRange": false}
        ],
        "easyRun": {"withinDays": 7, "count": 1}
      }
    },
    {
      "number": 4,
      "name": "Return to Performance",
      "window": "Weeks 5-8",
      "nominalStartDay": 29,
      "nominalEndDay": 56,
      "earliestDay": 29,
      "goal": "Get back to full sprinting speed.",
      "exercises": ["a-skips", "sprint-build-ups"],
      "gate": {
        "streaks": [
          {"exercise": "diver", "sessions": 3, "fullRange": true},
          {"exercise": "nordic-full", "sessions": 3, "fullRange": false},
          {"exercise": "walkouts", "sessions": 3, "fullRange": false}
        ],
        "easyRun": null
      }
    }
  ],
  "painFreeMax": 0,
  "painCeiling": 3,
  "sprintLadder": {"exercise": "sprint-build-ups", "levels": [60, 80, 90, 100], "sessionsPerLevel": 2, "minEfforts": 6},
  "clearance": {"minIntensity": 90, "sprintSessions": 2, "drillExercise": "a-skips", "drillSessions": 2},
  "regression": {"fromPhase": 4, "toPhase": 3, "exercises": ["a-skips", "sprint-build-ups"]},
  "expectedReturn": {
    "meanDays": {"SPRINTING": 23, "STRETCHING": 43},
    "citation": "askling-2013",
    "basis": "Mean days from injury back to full training under the lengthening (L) protocol in a randomised trial of elite footballers, by injury type. An average for a group, not a date to aim for: the gates decide when each phase opens."
  }
}');

; Assignments: `Activity.Current = null` in request code, and where built values are stored.
(assignment_expression) @assign

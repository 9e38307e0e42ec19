; Bindings of constructed values: `app = Flask(__name__)`, `with httpx.Client() as client:`.
(assignment) @assign
(as_pattern) @as_pattern

# A real workload for whole-program replays: build records, encode them with the standard
# library's json, decode the document again, reduce it, and drop everything. Python 3 only.
import json

records = [{"id": i, "name": "item%d" % i, "tags": ["a", "b", str(i)], "score": i / 7.0} for i in range(17000)]
document = json.dumps(records)
del records
decoded = json.loads(document)
del document
total = sum(record["score"] for record in decoded)
names = sorted(record["name"] for record in decoded)
del decoded, names

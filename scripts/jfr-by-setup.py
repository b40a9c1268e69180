#!/usr/bin/env python3
"""Splits a Java Flight Recorder profile of the benchmarks' Keycloak server by setup.

Usage: jfr-by-setup.py <recording.jfr> <consultant.txt> [top]

<consultant.txt> holds the BENCH lines of ConsultantTokenBench (tests/target/bench/consultant.txt):
each `consultant-round` line gives a setup's wall-clock window (start_ms, end_ms) and its requests.
The execution samples (jdk.ExecutionSample) taken inside a setup's windows are that setup's; the
script prints, per setup, the samples per 1,000 token responses, the top methods by self samples and
by inclusive samples under the token endpoint, and the samples under the frames named in FOCUS.
"""
import collections
import datetime
import json
import subprocess
import sys

TOKEN_ENDPOINT = "org.keycloak.protocol.oidc.endpoints.TokenEndpoint.processGrantRequest"
# Frames whose inclusive samples are reported for every setup (any frame whose name starts with one).
FOCUS = [
    "org.keycloak.protocol.oidc.endpoints.TokenEndpoint.processGrantRequest",
    "org.keycloak.protocol.oidc.TokenManager.refreshAccessToken",
    "org.keycloak.protocol.oidc.TokenManager.validateToken",
    "org.keycloak.protocol.oidc.TokenManager$AccessTokenResponseBuilder.build",
    "org.keycloak.protocol.oidc.TokenManager.transformAccessToken",
    "org.keycloak.protocol.oidc.TokenManager.transformIDToken",
    "org.keycloak.protocol.oidc.TokenManager.getAccess",
    "org.keycloak.services.util.DefaultClientSessionContext.loadRoles",
    "org.keycloak.services.util.DefaultClientSessionContext.loadUserRoles",
    "org.keycloak.services.util.DefaultClientSessionContext.isClientScopePermittedForUser",
    "org.keycloak.models.utils.RoleUtils.getDeepUserRoleMappings",
    "org.keycloak.models.utils.RoleUtils.addGroupRoles",
    "org.keycloak.models.utils.RoleUtils.expandCompositeRoles",
    "org.keycloak.models.utils.RoleUtils.hasRoleFromGroup",
    "org.keycloak.models.cache.infinispan.UserAdapter.getGroupsStream",
    "org.keycloak.models.cache.infinispan.UserAdapter.hasRole",
    "org.keycloak.models.cache.infinispan.GroupAdapter.getRoleMappingsStream",
    "org.keycloak.models.cache.infinispan.GroupAdapter.getParent",
    "org.keycloak.models.cache.infinispan.RealmCacheSession.getGroupById",
    "org.keycloak.models.cache.infinispan.RealmCacheSession.getRoleById",
    "org.keycloak.protocol.oidc.mappers.",
    "ca.novascotia.lampss.",
    "org.keycloak.jose.jws.",
    "org.keycloak.util.JsonSerialization",
    "com.fasterxml.jackson.",
]


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def load_samples(recording):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    samples = []
    for event in events:
        values = event["values"]
        when = datetime.datetime.fromisoformat(values["startTime"].replace("Z", "+00:00"))
        trace = values.get("stackTrace") or {}
        frames = [frame_name(f) for f in trace.get("frames", [])]
        samples.append((when.timestamp() * 1000, frames, trace.get("truncated", False)))
    return samples


def load_windows(bench_file):
    windows = []
    for line in open(bench_file, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 2 or parts[0] != "BENCH" or parts[1] != "consultant-round":
            continue
        values = dict(p.split("=", 1) for p in parts[2:])
        windows.append((values["setup"], int(values["start_ms"]), int(values["end_ms"]), int(values["requests"])))
    return windows


def main():
    recording, bench_file = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    samples = load_samples(recording)
    windows = load_windows(bench_file)
    requests = collections.Counter()
    for setup, _, _, count in windows:
        requests[setup] += count
    by_setup = collections.defaultdict(list)
    for when, frames, truncated in samples:
        for setup, start, end, _ in windows:
            if start <= when <= end:
                by_setup[setup].append((frames, truncated))
                break
    print(f"samples in the recording: {len(samples)}; in measured windows: {sum(len(v) for v in by_setup.values())}")
    setups = [s for s in dict.fromkeys(w[0] for w in windows)]
    for setup in setups:
        rows = by_setup[setup]
        per_k = 1000.0 / requests[setup]
        token = [frames for frames, _ in rows if TOKEN_ENDPOINT in frames]
        truncated = sum(1 for _, t in rows if t)
        print(f"\n== {setup}: requests {requests[setup]}, samples {len(rows)} ({len(rows) * per_k:.1f} per 1000 requests), "
              f"under the token endpoint {len(token)} ({len(token) * per_k:.1f} per 1000 requests), truncated stacks {truncated}")
        focus = collections.Counter()
        for frames in token:
            for name in FOCUS:
                if any(f.startswith(name) for f in frames):
                    focus[name] += 1
        print("  focus frames (inclusive samples under the token endpoint, per 1000 requests):")
        for name in FOCUS:
            print(f"    {focus[name]:6d} {focus[name] * per_k:8.1f}  {name}")
        self_counts = collections.Counter(frames[0] for frames in token if frames)
        print(f"  top {top} by self samples under the token endpoint:")
        for name, count in self_counts.most_common(top):
            print(f"    {count:6d} {count * per_k:8.1f}  {name}")
        inclusive = collections.Counter()
        for frames in token:
            for name in set(frames):
                inclusive[name] += 1
        print(f"  top {top} keycloak/lampss methods by inclusive samples under the token endpoint:")
        shown = 0
        for name, count in inclusive.most_common():
            if not (name.startswith("org.keycloak.") or name.startswith("ca.novascotia.")):
                continue
            print(f"    {count:6d} {count * per_k:8.1f}  {name}")
            shown += 1
            if shown >= top * 2:
                break
        callers = collections.Counter()
        for frames in token:
            for i, name in enumerate(frames):
                if name == "org.keycloak.models.utils.RoleUtils.getDeepUserRoleMappings" and i + 1 < len(frames):
                    callers[" <- ".join(frames[i + 1:i + 4])] += 1
                    break
        if callers:
            print("  callers of RoleUtils.getDeepUserRoleMappings:")
            for name, count in callers.most_common(8):
                print(f"    {count:6d}  {name}")


if __name__ == "__main__":
    main()

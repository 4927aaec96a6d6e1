#!/usr/bin/env python3
"""Independent reference for src/stats/random.ts (market-reaction).

Implements the published algorithms with Python's arbitrary-precision integers
(no 32-bit word juggling, unlike the TypeScript code):
  * SplitMix64 (Steele, Lea & Flood 2014; https://prng.di.unimi.it/splitmix64.c),
  * xoshiro128** 1.1 (Blackman & Vigna; https://prng.di.unimi.it/xoshiro128starstar.c),
  * the library's conventions on top: state = two SplitMix64 outputs, low word first;
    53-bit doubles; rejection sampling for int(n); Marsaglia's polar method with the
    spare normal cached (normals use math.log, so they agree with the TypeScript
    portable logarithm to about 1e-15 relative, not bit for bit).

Before writing anything the script checks itself against published vectors:
  * SplitMix64, seed 1234567: the first five outputs listed on Rosetta Code
    ("Pseudo-random numbers/Splitmix64");
  * xoshiro128**, state 0x964D4A0C 0xD40AB895 0xAD7FDECB 0x3006F0F0: four outputs and
    states produced with the C reference implementation (test data of the
    edorfaus/xoshiro-6502 project).

Usage:  python3 scripts/golden/prng_reference.py > scripts/golden/prng_reference.json
Needs only the Python standard library (tested with Python 3.11).
"""
import json
import math
import sys

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & M64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & M64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)


def rotl32(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


class Xoshiro128StarStar:
    def __init__(self, words):
        self.s = [w & M32 for w in words]
        self.spare = None

    @classmethod
    def from_seed(cls, seed):
        sm = SplitMix64(seed)  # negative seeds: & M64 gives two's complement
        a = sm.next()
        b = sm.next()
        return cls([a & M32, a >> 32, b & M32, b >> 32])

    def uint32(self):
        s = self.s
        result = (rotl32((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl32(s[3], 11)
        return result

    def next(self):
        a = self.uint32() >> 5
        b = self.uint32() >> 6
        return (a * 67108864 + b) / 9007199254740992.0

    def int(self, n):
        if n <= 2**32:
            limit = 2**32 - (2**32 % n)
            while True:
                x = self.uint32()
                if x < limit:
                    return x % n
        limit = 2**53 - (2**53 % n)
        while True:
            a = self.uint32() >> 5
            b = self.uint32() >> 6
            x = a * 67108864 + b
            if x < limit:
                return x % n

    def normal(self):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        while True:
            u = 2.0 * self.next() - 1.0
            v = 2.0 * self.next() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                f = math.sqrt(-2.0 * math.log(s) / s)
                self.spare = v * f
                return u * f


def self_check():
    sm = SplitMix64(1234567)
    got = [sm.next() for _ in range(5)]
    want = [6457827717110365317, 3203168211198807973, 9817491932198370423,
            4593380528125082431, 16408922859458223821]
    assert got == want, ("SplitMix64 vector", got)

    g = Xoshiro128StarStar([0x964D4A0C, 0xD40AB895, 0xAD7FDECB, 0x3006F0F0])
    want_out = [0xF1391922, 0x6FE53806, 0xA5BE2840, 0xF510EE70]
    want_states = [
        [0x72410269, 0xEF382C52, 0x2E43BEC7, 0x62432F20],
        [0xFF3A011B, 0xB33A90FC, 0x2C5A18AE, 0xD81B946B],
        [0x941B058C, 0x605A8949, 0xA641E1B5, 0x0824BB59],
        [0xFC65379C, 0x52006D70, 0x87487639, 0xF1908343],
    ]
    for out, st in zip(want_out, want_states):
        assert g.uint32() == out, "xoshiro128** output vector"
        assert g.s == st, ("xoshiro128** state vector", [hex(w) for w in g.s])


def main():
    self_check()
    cases = []
    for seed in [0, 1, 42, 20250409, -1, 2**53 - 1, 1234567]:
        sm = SplitMix64(seed)
        split = [str(sm.next()), str(sm.next())]
        g = Xoshiro128StarStar.from_seed(seed)
        state = list(g.s)
        u32 = [g.uint32() for _ in range(8)]
        g = Xoshiro128StarStar.from_seed(seed)
        nxt = [g.next() for _ in range(8)]
        g = Xoshiro128StarStar.from_seed(seed)
        ints = {str(n): [g.int(n) for _ in range(6)] for n in [1, 6, 1000, 2**31 + 1, 2**40 + 3]}
        g = Xoshiro128StarStar.from_seed(seed)
        normals = [g.normal() for _ in range(9)]
        cases.append({
            "seed": seed,
            "splitmix64": split,
            "state": state,
            "uint32": u32,
            "next": nxt,
            "int": ints,
            "normal": normals,
        })
    out = {
        "generator": "scripts/golden/prng_reference.py",
        "python": sys.version.split()[0],
        "algorithm": "xoshiro128** 1.1 seeded by SplitMix64 (two outputs, low word first)",
        "note": "int(n) draws are taken in order n = 1, 6, 1000, 2^31+1, 2^40+3 from one fresh generator per seed; normals use math.log",
        "cases": cases,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

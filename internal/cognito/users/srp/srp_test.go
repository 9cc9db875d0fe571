package srp

import (
	"encoding/hex"
	"math/big"
	"testing"
	"time"
)

// These vectors were computed with AuthenticationHelper from AWS's
// amazon-cognito-identity-js 6.3.21, fed a fixed private a, a fixed B and
// a fixed salt, so they pin cogwiz's math to what Cognito's own SDK sends.
const (
	vecPoolID   = "us-east-1_AbCdEf123"
	vecUserID   = "user-42"
	vecPassword = "Corr3ct horse!"
	vecSmallA   = "37c2a9d7f1e4b6a80912c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071"
	vecA        = "d814d10ca0a45df27e32d5d1bc681ec01c9ca5965b8df5e07e39f17dac8ec5ede4ee4f936ee5670debfa7f90cdb48917" +
		"d53140fc6a724dfca70b3d53ef66a5e5657d705116161cce8904cc0c9d9d1b06ff980e509ee0d3a1f5b16f94dad04d37" +
		"91a522e12be4eda9c07cd58aee9e3c157686ea5bb606153947050e615accdb06e4a8118b1de80d5ee1dc096fcdd3f33a" +
		"d89ca000c172a149c6f3dbb6bb88c6858a3da2ed3381ec35791400e57b2be02511716371a7d622cbc8287c41dfc5aa56" +
		"8438a19b27f9798e16d8e96c2639aaf9a9fdfe850af0b20e66fc5c528af3773021bfdf52b8e70f810976d90ed77ee23c" +
		"c45a5e8f40f6f4ed88ec3087d69849453df32d06e608f4beb0d0dd0644b07a6b9a441b14ffe73cacea0882ebb096e8dd" +
		"143ebad174feae1be7ec52fbcd27ed6e0e7e02c562adec41b34a308f4d69395d23e0ae4089164e1c1bb7a1f694645a5a" +
		"7d698154f25b3548aaf612d8eb0f782596f19c20f198ebfa0fbdf19b3f5e799e0b4161afc4374923cb0fdf4831f47dec"
	vecB = "629c300b873fe330be3f116f6753ec94e63f53fc0ac7a9c162425175807334b4979650c2df22e87eac83fd5a974d6a42" +
		"ed47144eb499748b63c8d90ff732d878f7feaf70bb79b7f302c3f5d4f06087a5986b4f7e03686030b5cd9fa033701a77" +
		"534d6e6f26423734d4344745eb05d27ae307280af263326a5e88e8091b0da043ddcab5034bdbdf4709ce313352f1bd2a" +
		"8d0c92b066d5c8497068ca0d7b578ee2dcbd6ecf215fa3b846f9f4753090137a7a84862ae2daa9bf730205380c05b594" +
		"267095fcb2a0930283d9599d0ff96fcfb829bf58617ed24fb2ed32fd1012bc6480f3b376cfc3dedfdf6fd1c4034d803d" +
		"a6700ec0a63d8f7b25c75ae205fe93b7edc5415a203b852c8c006df311ad49af3c456708e998a6d982e68933d45ace15" +
		"5b1c39b707c8ef29dc7a0fd70bf2ce88855283e2459e7c6268040b1102a9dfac73dc39e63c1af97db5e353290ddda79a" +
		"5ac7f75c53f3a86e115d25c23c9ca61e2039788c0c7634d48fbb66fc5d5d7bfab3eb2717b65fa00c91192bf96cd76be8"
	vecSalt  = "8f3c2b1a0d9e"
	vecK     = "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6"
	vecU     = "638f7933a466fbfd9b968e487320275608d37e9fd6fd024417592030508d6c54"
	vecKey   = "a78d2dc3f2054fe646899dc626fa905b"
	vecBlock = "c2VjcmV0LWJsb2NrLWJ5dGVzLTAxMjM0NTY3ODk="
	vecTime  = "Tue Mar 3 09:05:07 UTC 2026"
	vecSig   = "yGr/2HX/y/kHA4rK+p4fZxCba0mX37ve/5GFDIL05ZE="
)

func hexInt(t *testing.T, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 16)
	if !ok {
		t.Fatalf("bad hex %q", s)
	}
	return n
}

func TestMultiplierMatchesCognitoSDK(t *testing.T) {
	if got := TheGroup().K.Text(16); got != vecK {
		t.Fatalf("k = %s, want %s", got, vecK)
	}
}

func TestPadHex(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{20, "14"}, {236, "00ec"}, {200, "00c8"}, {56, "38"}, {0x123, "0123"}, {0x8123, "008123"}} {
		if got := PadHex(big.NewInt(tc.n)); got != tc.want {
			t.Errorf("PadHex(%d) = %s, want %s", tc.n, got, tc.want)
		}
	}
	if got := PadHex(TheGroup().N)[:6]; got != "00ffff" {
		t.Errorf("PadHex(N) starts %s, want 00ffff", got)
	}
}

func TestClientMatchesCognitoSDKVectors(t *testing.T) {
	c, err := NewClientWithSecret(vecPoolID, hexInt(t, vecSmallA))
	if err != nil {
		t.Fatal(err)
	}
	if c.SRPA() != vecA {
		t.Fatalf("SRP_A differs from the SDK's:\n got %s\nwant %s", c.SRPA(), vecA)
	}
	if got := U(c.A, hexInt(t, vecB)).Text(16); got != vecU {
		t.Fatalf("u = %s, want %s", got, vecU)
	}
	key, err := c.Key(vecUserID, vecPassword, vecB, vecSalt)
	if err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(key); got != vecKey {
		t.Fatalf("key = %s, want %s", got, vecKey)
	}
	sig, err := Signature(key, vecPoolID, vecUserID, vecBlock, vecTime)
	if err != nil {
		t.Fatal(err)
	}
	if sig != vecSig {
		t.Fatalf("signature = %s, want %s", sig, vecSig)
	}
	// A wrong password must give another key.
	other, _ := c.Key(vecUserID, vecPassword+"x", vecB, vecSalt)
	if hex.EncodeToString(other) == vecKey {
		t.Fatal("a wrong password produced the same key")
	}
}

func TestServerAndClientAgree(t *testing.T) {
	srv, err := NewServer(vecPoolID, vecUserID, vecPassword, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClient(vecPoolID, nil)
	if err != nil {
		t.Fatal(err)
	}
	key, err := c.Key(vecUserID, vecPassword, srv.SRPB(), srv.SaltHex())
	if err != nil {
		t.Fatal(err)
	}
	ts := Timestamp(time.Date(2026, 3, 3, 9, 5, 7, 0, time.UTC))
	if ts != vecTime {
		t.Fatalf("timestamp = %q, want %q", ts, vecTime)
	}
	sig, _ := Signature(key, vecPoolID, vecUserID, vecBlock, ts)
	ok, err := srv.Verify(c.SRPA(), vecBlock, ts, sig)
	if err != nil || !ok {
		t.Fatalf("server rejected a correct proof: ok=%v err=%v", ok, err)
	}
	bad, _ := c.Key(vecUserID, "wrong password", srv.SRPB(), srv.SaltHex())
	badSig, _ := Signature(bad, vecPoolID, vecUserID, vecBlock, ts)
	if ok, _ := srv.Verify(c.SRPA(), vecBlock, ts, badSig); ok {
		t.Fatal("server accepted a proof made with the wrong password")
	}
}

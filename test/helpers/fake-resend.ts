// The fake lives beside the scripts (soak, screenshots) that drive it too: scripts never import test/.
export {
  FakeResend,
  startFakeResend,
  type ReceivedEmail,
  type RequestRecord,
} from '../../scripts/lib/fake-resend';

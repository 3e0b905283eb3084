import { onBeforeUnmount, ref } from 'vue';

/**
 * 读给我听: reads a text aloud with the browser's speech synthesis in a Chinese voice, for people
 * who read with difficulty. `available` stays false where the device has no Chinese voice (the
 * button is then hidden or explained), since a voice of another language would only confuse.
 */
export function useSpeech() {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
  const available = ref(false);
  const speaking = ref(false);
  let voice: SpeechSynthesisVoice | undefined;

  const pick = () => {
    voice =
      synth?.getVoices().find((candidate) => /^zh[-_]CN/i.test(candidate.lang)) ??
      synth?.getVoices().find((candidate) => /^zh/i.test(candidate.lang));
    available.value = Boolean(voice);
  };
  if (synth) {
    pick();
    synth.addEventListener('voiceschanged', pick);
  }

  function speak(text: string): void {
    if (!synth || !voice) return;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.85;
    utterance.onend = utterance.onerror = () => (speaking.value = false);
    speaking.value = true;
    synth.speak(utterance);
  }

  function stop(): void {
    synth?.cancel();
    speaking.value = false;
  }

  onBeforeUnmount(() => {
    synth?.removeEventListener('voiceschanged', pick);
    stop();
  });

  return { available, speaking, speak, stop };
}

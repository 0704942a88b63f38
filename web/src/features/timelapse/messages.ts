import { defineMessages } from '../../lib/i18n';

export const timelapseText = defineMessages(
  {
    timelapse: 'Diễn biến theo thời gian',
    play: 'Phát',
    pause: 'Tạm dừng',
    playHint: 'Phát lần lượt các kỳ đến kỳ mới nhất (phím cách để phát/dừng)',
    speed: 'Tốc độ',
    secondsPerPeriod: 'giây/kỳ',
  },
  {
    timelapse: 'Over time',
    play: 'Play',
    pause: 'Pause',
    playHint: 'Play the periods one by one up to the latest (Space plays/pauses)',
    speed: 'Speed',
    secondsPerPeriod: 's per period',
  },
);

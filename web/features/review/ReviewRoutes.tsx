import { Route, Routes } from 'react-router-dom';
import ReviewCallPage from './ReviewCallPage.js';
import ReviewCallsPage from './ReviewCallsPage.js';

/** /review (the calls to review) and /review/:callId (one call's review with its tabs). */
export default function ReviewRoutes() {
  return (
    <Routes>
      <Route index element={<ReviewCallsPage />} />
      <Route path=":callId" element={<ReviewCallPage />} />
    </Routes>
  );
}
